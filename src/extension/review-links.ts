import * as vscode from 'vscode';
import { answerLinks, type LoopFinding, type ReviewLoop } from '../core';
import type { PlanAnalyzer } from './plan-analysis';
import { reviewFindingText } from './plan-summary';

// A review loop in its files: above each finding a review raises, its status now (`P1 · fixed in 04 (line 23)`),
// a lens that opens where that was said; in a later round, each id that answers a finding links to where it was raised.
// The data is the loop's reading in the file's analysis, the one the gate and `connector-plan loop` use.

/** A file of the loop's folder, by the path the reading names it, beside `document`. */
function besides(document: vscode.Uri, path: string): vscode.Uri {
  return vscode.Uri.joinPath(document, '..', path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1));
}

/** The path the loop's reading names the document by (as PlanAnalyzer.loopPlace gives it). */
function shownPath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

/** A lens above each finding the review raises, with its status; a click opens the round that gave the status. */
export function reviewFindingLenses(loop: ReviewLoop, document: vscode.TextDocument): vscode.CodeLens[] {
  const path = shownPath(document.uri);
  return loop.findings.filter((f) => f.raisedIn === path).map((finding) => {
    const line = Math.min(Math.max(finding.line - 1, 0), Math.max(document.lineCount - 1, 0));
    const range = new vscode.Range(line, 0, line, 0);
    const title = reviewFindingText(finding);
    if (!finding.resolvedIn) return new vscode.CodeLens(range, { title, tooltip: vscode.l10n.t('{0}: no later round gives it a status yet.', finding.id), command: '' });
    const at = Math.max((finding.resolvedLine ?? 1) - 1, 0);
    return new vscode.CodeLens(range, {
      title,
      tooltip: vscode.l10n.t('{0}: open {1} at line {2}, where its status is given', finding.id, finding.resolvedIn, finding.resolvedLine ?? 1),
      command: 'vscode.open',
      arguments: [besides(document.uri, finding.resolvedIn), { selection: new vscode.Range(at, 0, at, 0) } satisfies vscode.TextDocumentShowOptions],
    });
  });
}

/** In a round after a review: each id that answers one of its findings links to the line that raised it. */
export class ReviewAnswerLinks implements vscode.DocumentLinkProvider {
  constructor(private readonly analyzer: PlanAnalyzer) {}

  async provideDocumentLinks(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentLink[]> {
    const result = await this.analyzer.current(document, token);
    if (!result?.loop || token.isCancellationRequested || result.version !== document.version) return [];
    return answerLinks(result.loop, { path: shownPath(document.uri), text: document.getText() }).map(({ line, start, end, finding }) => {
      const link = new vscode.DocumentLink(new vscode.Range(line, start, line, end), besides(document.uri, finding.raisedIn).with({ fragment: `L${finding.line}` }));
      link.tooltip = raisedText(finding);
      return link;
    });
  }
}

/** `P1-2 (P1), raised in 03-codex-review.md line 12: title`. */
function raisedText(finding: LoopFinding): string {
  return vscode.l10n.t('{0} ({1}), raised in {2} line {3}: {4}', finding.id, finding.severity, finding.raisedIn, finding.line, finding.title);
}

export function registerReviewLinks(analyzer: PlanAnalyzer): vscode.Disposable {
  return vscode.languages.registerDocumentLinkProvider({ language: 'markdown' }, new ReviewAnswerLinks(analyzer));
}
