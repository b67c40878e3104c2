import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyzePlan } from '../../src/core';

const extensionId = 'connector-plan.connector-plan';

/** A plan with gaps; `‸1`…`‸5` mark the cursors the tests use. */
const MARKED_PLAN = [
  '# Acme Connector Rollout Plan',
  '',
  '## A) Business Goal',
  '- Why this connector exists: churn signals live in Acme.',
  '- Decisions/metrics this should unlock: renewal risk per account.',
  '- Success in the next 2-4 weeks: a weekly renewal-risk report.',
  '',
  '## B) Source Model',
  '- External system: Acme REST API',
  '- Authentication model:',
  '- Data pull mode: ‸1',
  '- ‸4',
  '',
  '## D) Mapping Rules + Cardinality',
  '| Mapping Purpose | source | External ID | Internal Entity | Cardinality | Enforced In |',
  '|---|---|---|---|---|---|',
  '| Primary | `acme_account` | `account.id` | `accounts` | ‸2 | {DB/‸3app} |',
  '',
  '## I) Operational Go/No-Go',
  '- [ ] Auth and connection test pass',
  '',
  '## ‸5',
].join('\n');

function unmark(marked: string): { text: string; at: Record<string, vscode.Position> } {
  const at: Record<string, vscode.Position> = {};
  const rows = marked.split('\n').map((row, line) => {
    let out = row;
    for (let m = /‸(\d)/.exec(out); m; m = /‸(\d)/.exec(out)) {
      at[m[1]] = new vscode.Position(line, m.index);
      out = out.slice(0, m.index) + out.slice(m.index + m[0].length);
    }
    return out;
  });
  return { text: rows.join('\n'), at };
}

const { text: PLAN, at } = unmark(MARKED_PLAN);

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
const replaced = (item: vscode.CompletionItem) => (item.range instanceof vscode.Range ? item.range : item.range?.replacing);

async function completions(document: vscode.TextDocument, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, trigger);
  // Ours, in the order we gave them (other providers may add items of their own).
  return list.items.filter((item) => item.sortText && /^\d{4}$/.test(item.sortText)).sort((a, b) => a.sortText!.localeCompare(b.sortText!));
}

async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n---\n');
}

describe('completion and hover', () => {
  let document: vscode.TextDocument;

  before(async () => {
    await vscode.extensions.getExtension(extensionId)!.activate();
    document = await vscode.workspace.openTextDocument({ language: 'markdown', content: PLAN });
  });

  it('offers the template choices in a choice field', async () => {
    const items = await completions(document, at[1], ' ');
    assert.deepEqual(items.map(labelOf), ['incremental', 'snapshot', 'hybrid']);
    assert.ok(items.every((i) => i.kind === vscode.CompletionItemKind.EnumMember));
  });

  it('offers cardinalities and enforced-in values in mapping cells, replacing a placeholder', async () => {
    assert.deepEqual((await completions(document, at[2])).map(labelOf), ['1:1', '1:N', 'N:1', 'N:M']);
    const enforced = await completions(document, at[3]);
    assert.deepEqual(enforced.map(labelOf), ['DB', 'app', 'DB + app']);
    assert.equal(document.getText(replaced(enforced[1])), '{DB/app}');
  });

  it('offers the section fields not written yet at a new list item', async () => {
    const items = await completions(document, at[4], ' ');
    assert.deepEqual(items.map(labelOf), ['Plan/tier constraints']);
    assert.equal(items[0].insertText, 'Plan/tier constraints: ');
  });

  it('offers the missing sections at a heading start', async () => {
    const items = await completions(document, at[5], ' ');
    assert.deepEqual(items.map(labelOf), ['C) Linking Points (Identity Graph)', 'E) Delivery Phases', 'F) Agent-Team Plan', 'G) Risks + Mitigations', 'H) Manual Setup Handoff (Owner Actions)', 'J) Open Questions and Assumptions']);
    assert.equal(items[0].insertText, '## C) Linking Points (Identity Graph)');
  });

  it('offers nothing in a markdown file that is not a plan', async () => {
    const notes = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Notes\n\n- Data pull mode: ' });
    assert.deepEqual(await completions(notes, new vscode.Position(2, 18), ' '), []);
  });

  it('shows a section heading its state and gaps on hover', async () => {
    const state = analyzePlan(PLAN).progress!.sections.find((s) => s.id === 'B')!;
    const text = await hoverText(document, new vscode.Position(PLAN.split('\n').indexOf('## B) Source Model'), 6));
    assert.match(text, new RegExp(`B\\) Source Model\\*\\* — ${state.filled}/${state.total} filled · ${state.status}`));
    assert.match(text, /"Authentication model" is empty/);
  });

  it('shows a field label the allowed values on hover', async () => {
    const text = await hoverText(document, new vscode.Position(at[1].line, 4));
    assert.match(text, /Allowed values: `incremental` · `snapshot` · `hybrid`/);
    assert.match(text, /Empty: write its value/);
  });
});
