import * as vscode from 'vscode';
import { isLoopFileName } from '../core';
import { skippedDiagnostic, toDiagnostic } from './convert';
import type { PlanAnalyzer } from './plan-analysis';
import { readSettings, SECTION } from './settings';

const isMarkdown = (document: vscode.TextDocument) => document.languageId === 'markdown';

/**
 * Keeps the Problems panel in step with open plans: analysed on open, after typing (debounced), on save and
 * on configuration change; cleared on close. Unsaved and untitled documents included.
 */
export function registerDiagnostics(analyzer: PlanAnalyzer): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('connector-plan');
  const analyzeNow = (document: vscode.TextDocument) => {
    if (isMarkdown(document)) void analyzer.analyzeDocument(document);
  };
  const reanalyzeOpen = () => vscode.workspace.textDocuments.forEach(analyzeNow);

  const disposables: vscode.Disposable[] = [
    collection,
    analyzer.onDidAnalyze((result) => {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === result.uri.toString());
      if (!document || result.version !== document.version) return;
      // A round of a review loop that is no plan (a revision) has only the loop's findings on it, as `check` reports them.
      if ((result.isPlan || result.report.findings.length > 0) && readSettings(document).enable) {
        collection.set(document.uri, result.report.findings.map((f) => toDiagnostic(f, document.uri)));
      } else if (result.skipped && readSettings(document).enable) {
        collection.set(document.uri, [skippedDiagnostic(document.uri, result.skipped)]);
      } else {
        collection.delete(document.uri);
      }
    }),
    analyzer.onDidForget((uri) => collection.delete(uri)),
    vscode.workspace.onDidOpenTextDocument(analyzeNow),
    vscode.workspace.onDidSaveTextDocument((document) => {
      analyzeNow(document);
      // A round saved changes what the loop says of the others (the final plan's gate): its open siblings are read again.
      const folder = document.uri.toString().slice(0, document.uri.toString().lastIndexOf('/') + 1);
      if (isLoopFileName(document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1))) {
        for (const other of vscode.workspace.textDocuments) {
          const key = other.uri.toString();
          if (other !== document && key.startsWith(folder) && !key.slice(folder.length).includes('/') && isLoopFileName(key.slice(folder.length))) analyzeNow(other);
        }
      }
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (isMarkdown(event.document) && event.contentChanges.length) analyzer.schedule(event.document, readSettings(event.document).lintDelay);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      // An untitled name is reused by the next new document, whose open can be announced before this close:
      // the markdown document open under the name now keeps its results.
      const key = document.uri.toString();
      if (vscode.workspace.textDocuments.some((d) => d !== document && !d.isClosed && d.uri.toString() === key && isMarkdown(d))) return;
      collection.delete(document.uri);
      analyzer.forget(document.uri);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SECTION) || event.affectsConfiguration('files.exclude')) reanalyzeOpen();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      analyzer.resetConfiguration();
      reanalyzeOpen();
    }),
    analyzer.onDidChangeRuleFiles(reanalyzeOpen),
  ];
  reanalyzeOpen();
  return vscode.Disposable.from(...disposables);
}
