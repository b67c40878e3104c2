import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { DEFAULT_TEMPLATE_TEXT } from '../../core';
import { createConfigLookup, CONFIG_FILE_NAME } from '../config-files';
import { displayPath } from '../context';
import { decodeText } from '../decode-text';
import { describeFsError } from '../file-system';
import type { CliContext } from '../context';
import type { Refusal, RootFolder } from './root-folder';

export const BUILT_IN_TEMPLATE_URI = 'connector-plan://template';

export interface TemplateResource {
  uri: string;
  name: string;
  title: string;
  description: string;
  mimeType: 'text/markdown';
}

/** The built-in template, then each team template the root's `.connector-plan.json` names (inside the root). */
export async function templateResources(root: RootFolder, base: CliContext): Promise<TemplateResource[]> {
  const builtIn: TemplateResource = {
    uri: BUILT_IN_TEMPLATE_URI,
    name: 'template',
    title: 'Connector Rollout Plan template (built-in)',
    description: 'The built-in Connector Rollout Plan template (sections A–J) plans are written from and checked against, unless the team has its own.',
    mimeType: 'text/markdown',
  };
  const { templateFiles } = await createConfigLookup(root.context(base).context)(path.join(root.path, CONFIG_FILE_NAME));
  const team = [...new Set(templateFiles)].flatMap((file) => {
    const relative = displayPath(root.path, file);
    if (relative.startsWith('../') || path.isAbsolute(relative)) return [];
    return [{
      uri: `${BUILT_IN_TEMPLATE_URI}/${relative.split('/').map(encodeURIComponent).join('/')}`,
      name: relative,
      title: `Team template ${relative}`,
      description: `A team template named by ${CONFIG_FILE_NAME}: the plans it is set for are written from it and checked against it.`,
      mimeType: 'text/markdown' as const,
    }];
  });
  return [builtIn, ...team];
}

/** The text of a template resource, or why it cannot be read. */
export async function readTemplateResource(uri: string, root: RootFolder, base: CliContext): Promise<{ text: string } | Refusal> {
  if (uri === BUILT_IN_TEMPLATE_URI) return { text: DEFAULT_TEMPLATE_TEXT };
  const resource = (await templateResources(root, base)).find((candidate) => candidate.uri === uri);
  if (!resource) return { problem: l10n.t('No resource {0}: this server has the template resources listed by resources/list.', uri.slice(0, 200)) };
  try {
    const decoded = decodeText(await root.files.readFile(path.join(root.path, resource.name), base.maxFileSize));
    return 'problem' in decoded ? { problem: l10n.t('cannot read the template {0}: {1}', resource.name, decoded.problem) } : decoded;
  } catch (error) {
    return { problem: l10n.t('cannot read the template {0}: {1}', resource.name, describeFsError(error)) };
  }
}

