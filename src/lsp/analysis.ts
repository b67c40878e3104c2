import * as l10n from '@vscode/l10n';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { inspectPlan, mightBePlan, textTooLargeProblem, type AnalyzeOptions, type PlanModel, type PlanReport } from '../core';
import type { Folders } from './folders';

export interface PlanAnalysis {
  uri: string;
  /** The document version analysed. */
  version: number;
  /** A plan: its findings are published. */
  isPlan: boolean;
  report: PlanReport;
  plan: PlanModel;
  /** Why a document that may be a plan was not checked (over the size limit), in the words the extension uses. */
  skipped?: string;
}

/** The option that raises the size limit, named in the message about a document over it. */
const RAISE_WITH = '--max-file-size';

/**
 * Runs the core on open documents and keeps the latest result per URI: diagnostics, code actions, hover, completion,
 * symbols and lenses all read these results, so they never disagree and nothing is analysed twice for one version.
 */
export class PlanAnalyses {
  private readonly results = new Map<string, PlanAnalysis>();
  private readonly running = new Map<string, { version: number; result: Promise<PlanAnalysis> }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Counts `clear`s: an analysis begun before one read the old configs and is never kept. */
  private generation = 0;

  constructor(
    private readonly folders: Folders,
    private readonly maxFileSize: number,
    /** The open documents' texts by absolute path: a review loop is read with them in place of their files. */
    private readonly openTexts: () => ReadonlyMap<string, string> = () => new Map(),
  ) {}

  /** The analysis of this very version of the document: the kept one, else one run now. */
  current(document: TextDocument): Promise<PlanAnalysis> {
    const kept = this.results.get(document.uri);
    if (kept && kept.version === document.version) return Promise.resolve(kept);
    const running = this.running.get(document.uri);
    if (running && running.version === document.version) return running.result;
    const generation = this.generation;
    const result = this.analyze(document).then((analysis) => {
      if (this.running.get(document.uri)?.result === result) this.running.delete(document.uri);
      if (generation !== this.generation) return analysis;
      const newest = this.results.get(document.uri);
      if (!newest || newest.version <= analysis.version) this.results.set(document.uri, analysis);
      return analysis;
    });
    this.running.set(document.uri, { version: document.version, result });
    return result;
  }

  /** Runs `then` after `delay` ms of quiet (typing); a newer call for the same document replaces an older one. */
  schedule(uri: string, delay: number, then: () => void): void {
    this.cancel(uri);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      then();
    }, delay));
  }

  forget(uri: string): void {
    this.cancel(uri);
    this.results.delete(uri);
    this.running.delete(uri);
  }

  /** Drops every result (configs or templates changed): the next request analyses again. */
  clear(): void {
    this.generation++;
    this.results.clear();
    this.running.clear();
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  private async analyze(document: TextDocument): Promise<PlanAnalysis> {
    const text = document.getText();
    const file = filePath(document.uri);
    const index = file === undefined ? undefined : this.folders.indexFor(file);
    // A file on disk gets what `check` gives it; an untitled buffer the built-in template and default severities.
    const { options, isTemplate }: { options: AnalyzeOptions; isTemplate: boolean } = index && file ? await index.optionsFor(file) : { options: { path: uriPath(document.uri) }, isTemplate: false };
    // An editor's text never passed the CLI's size check: the same limit, so nothing is checked here that `check` skips.
    const tooLarge = textTooLargeProblem(text, this.maxFileSize, RAISE_WITH);
    // A round or the final plan of a review loop gets the loop's findings (the gate), as `check` gives them.
    if (index && file && !isTemplate && !tooLarge) options.loop = await index.loopPlace(file, new Map([...this.openTexts(), [file, text]]));
    const { report: inspected, plan } = inspectPlan(tooLarge ? '' : text, options);
    // A template `.connector-plan.json` names is one whatever its text says, as `check` reads it: never checked.
    const report: PlanReport = isTemplate ? { ...inspected, isPlan: false, kind: 'template', findings: [], progress: undefined, configuredTemplate: true } : tooLarge ? { ...inspected, isPlan: false, findings: [], progress: undefined } : inspected;
    const mayBePlan = !isTemplate && tooLarge !== undefined && (options.assumePlan || mightBePlan(text, options.schema));
    const shown = index && file ? index.show(file) : document.uri;
    return { uri: document.uri, version: document.version, isPlan: report.isPlan, report, plan, ...(mayBePlan ? { skipped: l10n.t('Skipped {0}: {1}', shown, tooLarge) } : {}) };
  }
}

/** The file a `file:` URI names; undefined for any other scheme (an untitled buffer). */
export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The path part of any URI (a generic file name may still say what the document is). */
function uriPath(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}
