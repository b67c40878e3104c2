import * as l10n from '@vscode/l10n';

/** A message bundle as VS Code and l10n-dev write it: English message (and `/comment`) -> translation. */
export type MessageBundle = Record<string, string | { message: string; comment: string[] }>;

/**
 * The translations the core's messages come out in, set before any plan is checked. The extension passes
 * `vscode.l10n.bundle` (undefined in English: then English); the CLI loads `l10n/bundle.l10n.<locale>.json` itself.
 */
export function useMessageBundle(bundle: MessageBundle | undefined): void {
  l10n.config({ contents: bundle ?? {} });
}
