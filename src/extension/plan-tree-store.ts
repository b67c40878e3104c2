import * as vscode from 'vscode';
import { reasonsOtherThan, type Finding, type Severity } from '../core';
import { planName } from './plan-summary';
import { readStoredRows, rowsKey, storedRows, type CachedRow, type Dependency, type FileStamp } from './plan-tree-cache';
import { loopFileUri, loopRecord, loopRecordUri, loopRow, type LoopNode, type PlanNode } from './plan-tree-items';
import { readSettings } from './settings';

/** Where workspace state holds the Plans view's rows. */
const STATE_KEY = 'connectorPlan.plansView.rows';

/**
 * The Plans view's rows in workspace state (plan-tree-cache.ts says what is kept), under the extension version and
 * everything else that decides them: the settings of each folder, the display language, workspace trust.
 */
export class PlanRowStore {
  /** What was written last, so that rows unchanged are not written again. */
  private written?: string;

  constructor(private readonly state: vscode.Memento, private readonly version: string) {}

  /** The rows stored with the settings of now; undefined when there are none or they were read otherwise. */
  read(): { rows: CachedRow[]; deps: Dependency[] } | undefined {
    return readStoredRows(this.state.get(STATE_KEY), this.key());
  }

  async write(rows: CachedRow[], deps: Dependency[]): Promise<void> {
    const value = storedRows(this.key(), deps, rows);
    const text = JSON.stringify(value);
    if (text === this.written) return;
    this.written = text;
    await this.state.update(STATE_KEY, value);
  }

  async clear(): Promise<void> {
    this.written = undefined;
    await this.state.update(STATE_KEY, undefined);
  }

  private key(): string {
    return rowsKey(this.version, {
      language: vscode.env.language,
      trusted: vscode.workspace.isTrusted,
      folders: (vscode.workspace.workspaceFolders ?? []).map((folder) => [folder.uri.toString(), readSettings(folder.uri), vscode.workspace.getConfiguration('files', folder.uri).get('exclude', {})]),
    });
  }
}

/** The file a loop's row is read from: its plan of record, else its first round. */
export function loopFile(node: LoopNode): vscode.Uri | undefined {
  const record = loopRecord(node);
  const [first] = node.loop.rounds;
  return record?.uri ?? (first && loopFileUri(node, first.path));
}

/** What a listed plan's or loop's row shows, to keep; `stamp` is its file's (none when an editor has unsaved changes). */
export function cachedRowOf(node: PlanNode | LoopNode, stamp: FileStamp | undefined): CachedRow | undefined {
  const stamped = stamp ? { stamp } : {};
  if (node.kind === 'plan') {
    const { analysis } = node;
    const uri = node.uri.toString();
    if (!analysis.isPlan) return { kind: 'template', uri, ...stamped, name: planName(analysis), configured: analysis.report.configuredTemplate ?? false };
    const { progress, findings } = analysis.report;
    if (!progress) return undefined;
    const { verdict, checked, total } = progress.goNoGo;
    return { kind: 'plan', uri, ...stamped, name: planName(analysis), percent: progress.percent, verdict, checked, total, findings: countBySeverity(findings), reasons: reasonsOtherThan(progress.goNoGo, 'no-checklist', 'unchecked') };
  }
  const file = loopFile(node);
  if (!file) return undefined;
  const row = loopRow(node);
  const record = loopRecord(node);
  const opens = loopRecordUri(node);
  const { loop } = node;
  return {
    kind: 'loop',
    uri: node.folder.toString(),
    file: file.toString(),
    ...stamped,
    ...(opens ? { record: opens.toString() } : {}),
    recordIsPlan: record !== undefined,
    name: row.name,
    folder: loop.folder ?? '.',
    stage: loop.stage,
    final: Boolean(loop.final),
    rounds: loop.rounds.length,
    percent: row.percent,
    ...row.goNoGo,
    open: { ...loop.open },
    findings: countBySeverity(record?.analysis.report.findings ?? []),
  };
}

/** A file's stamp; null when it cannot be looked at (gone, no access). */
export async function statStamp(uri: vscode.Uri): Promise<FileStamp | null> {
  try {
    const { mtime, size } = await vscode.workspace.fs.stat(uri);
    return { mtime, size };
  } catch {
    return null;
  }
}

function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
