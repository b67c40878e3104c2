import * as l10n from '@vscode/l10n';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The language of messages, as CLIs choose it: the first of LC_ALL, LC_MESSAGES and LANG that is set, without its
 * codeset and modifier (`de_DE.UTF-8` -> `de-de`); `C`, `POSIX` or none -> undefined, English.
 */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const value = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v.trim() !== '');
  const locale = value === undefined ? undefined : withoutEncoding(value.trim()).replace(/_/g, '-').toLowerCase();
  if (!locale || locale === 'c' || locale === 'posix') return undefined;
  return locale;
}

/** The bundle files to try for a locale, region first: `bundle.l10n.de-de.json`, then `bundle.l10n.de.json`. */
export function bundleCandidates(folder: string, locale: string): string[] {
  const language = locale.split('-')[0];
  const names = language !== locale && !locale.startsWith('qps-') ? [locale, language] : [locale];
  return names.map((name) => path.join(folder, `bundle.l10n.${name}.json`));
}

/**
 * Loads the bundle for the environment's locale from `folder` before any message is made; without one (English, a
 * language with no translation yet, an unreadable file) messages stay in English, silently.
 */
export function configureMessages(env: Readonly<Record<string, string | undefined>>, folder: string | undefined): string | undefined {
  const locale = localeFromEnv(env);
  const file = locale && folder ? bundleCandidates(folder, locale).find((candidate) => existsSync(candidate)) : undefined;
  try {
    if (file) {
      l10n.config({ fsPath: file });
      return file;
    }
  } catch {
    // A bundle that is not JSON is no translation: English.
  }
  // In-process runs share one @vscode/l10n: a run in English must not keep an earlier run's bundle.
  l10n.config({ contents: {} });
  return undefined;
}

/** `value.replace(/[.@].*$/, '')`: the codeset and modifier (`.UTF-8`, `@euro`) cut off, from the first `.` or `@` of the last line. */
function withoutEncoding(value: string): string {
  const lineStart = Math.max(value.lastIndexOf('\n'), value.lastIndexOf('\r'), value.lastIndexOf('\u2028'), value.lastIndexOf('\u2029')) + 1;
  const at = value.slice(lineStart).search(/[.@]/);
  return at < 0 ? value : value.slice(0, lineStart + at);
}
