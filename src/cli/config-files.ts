import * as path from 'node:path';
import { parseConfig } from '../core';
import type { RuleConfig } from '../core';
import type { CliContext } from './context';
import { displayPath, printError } from './context';
import { decodeText } from './decode-text';
import { describeFsError } from './file-system';

export const CONFIG_FILE_NAME = '.connector-plan.json';

export type RulesForFile = (file: string) => Promise<RuleConfig>;

/** Finds the nearest `.connector-plan.json` above each file; each folder is looked at once, each problem printed once. */
export function createConfigLookup(context: CliContext): RulesForFile {
  const byFolder = new Map<string, Promise<RuleConfig>>();
  const rulesForFolder = (folder: string): Promise<RuleConfig> => {
    let rules = byFolder.get(folder);
    if (!rules) {
      rules = readConfigIn(folder, context).then((found) => {
        if (found) return found;
        const parent = path.dirname(folder);
        return parent === folder ? {} : rulesForFolder(parent);
      });
      byFolder.set(folder, rules);
    }
    return rules;
  };
  return (file) => rulesForFolder(path.dirname(path.resolve(context.cwd, file)));
}

/** The rules of the config in `folder`; undefined when there is none; defaults when it cannot be used. */
async function readConfigIn(folder: string, context: CliContext): Promise<RuleConfig | undefined> {
  const configPath = path.join(folder, CONFIG_FILE_NAME);
  const shown = displayPath(context.cwd, configPath);
  let bytes: Uint8Array;
  try {
    bytes = await context.fs.readFile(configPath);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    printError(context, `warning: cannot read ${shown}: ${describeFsError(error)}; using the default rule severities`);
    return {};
  }
  const decoded = decodeText(bytes);
  if ('problem' in decoded) {
    printError(context, `warning: cannot use ${shown}: ${decoded.problem}; using the default rule severities`);
    return {};
  }
  const { rules, problems } = parseConfig(decoded.text, shown);
  for (const problem of problems) printError(context, `warning: ${problem.message}`);
  return rules;
}
