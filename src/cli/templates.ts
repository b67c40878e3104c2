import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { readTemplate, type ReadTemplate, type TemplateSchema } from '../core';
import type { CliContext } from './context';
import { displayPath, printError } from './context';
import { decodeText } from './decode-text';
import { describeFsError } from './file-system';

/** A template file read for this run, or why it cannot be used. */
export type LoadedTemplate = { ok: true; path: string; read: ReadTemplate } | { ok: false; path: string; problem: string };

/**
 * Reads each team template once per run. A template that cannot be read or used is reported once, naming the
 * file, and counts as a failure (exit 2); its plans are meanwhile checked with the built-in template.
 */
export class TemplateLoader {
  private readonly loaded = new Map<string, Promise<LoadedTemplate>>();
  /** Templates that could not be used: the run exits 2. */
  failures = 0;

  constructor(private readonly context: CliContext) {}

  load(file: string): Promise<LoadedTemplate> {
    const absolute = path.resolve(this.context.cwd, file);
    let pending = this.loaded.get(absolute);
    if (!pending) {
      pending = readTemplateFile(absolute, this.context).then((loaded) => {
        const shown = displayPath(this.context.cwd, absolute);
        if (!loaded.ok) {
          this.failures++;
          printError(this.context, l10n.t('cannot use the template {0}: {1}; checking its plans with the built-in template', shown, loaded.problem));
        } else {
          for (const problem of loaded.read.problems.filter((p) => p.severity === 'error')) printError(this.context, l10n.t('warning: template {0}: {1}', problem.line ? `${shown}:${problem.line}` : shown, problem.message));
        }
        return loaded;
      });
      this.loaded.set(absolute, pending);
    }
    return pending;
  }

  /** The schema of a template, or undefined (the built-in one) when it cannot be used. */
  async schema(file: string | undefined): Promise<TemplateSchema | undefined> {
    if (!file) return undefined;
    const loaded = await this.load(file);
    return loaded.ok ? loaded.read.schema : undefined;
  }

  /** Absolute paths of every template this run has used: they are never checked as plans. */
  isTemplate(absolute: string): boolean {
    return this.loaded.has(absolute);
  }
}

/** Reads a template file without reporting: for `connector-plan template`, which reports itself. */
export async function readTemplateFile(absolute: string, context: CliContext): Promise<LoadedTemplate> {
  let bytes: Uint8Array;
  try {
    bytes = await context.fs.readFile(absolute, context.maxFileSize);
  } catch (error) {
    return { ok: false, path: absolute, problem: describeFsError(error) };
  }
  const decoded = decodeText(bytes);
  if ('problem' in decoded) return { ok: false, path: absolute, problem: decoded.problem };
  const read = readTemplate(decoded.text);
  if (!read.usable) return { ok: false, path: absolute, problem: read.problems.find((p) => p.severity === 'error')?.message ?? l10n.t('it has no sections') };
  return { ok: true, path: absolute, read };
}
