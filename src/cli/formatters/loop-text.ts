import * as l10n from '@vscode/l10n';
import type { ReviewLoop } from '../../core';
import { escapeControlCharacters, lineName } from './terminal-text';

// `connector-plan loop`: the loop's name, stage and verdict, then its rounds, then the ledger of findings. Kinds,
// statuses and stages are printed as the JSON has them (`review`, `fixed`, `in review`), untranslated.

export function formatLoopText(loop: ReviewLoop): string {
  const out: string[] = [];
  const shown = escapeControlCharacters;
  out.push(`${lineName(loop.name)} · ${loop.stage} · ${shown(loop.folder ?? '.')}`);
  out.push(loop.final ? l10n.t('Plan of record: {0} · {1}', shown(loop.final.path), loop.final.verdict) : l10n.t('No final plan yet.'));
  out.push(l10n.t('Open findings: P1 {0} · P2 {1} · P3 {2}', loop.open.P1, loop.open.P2, loop.open.P3));

  out.push('', l10n.t('Rounds:'));
  const kindWidth = Math.max(...loop.rounds.map((r) => r.kind.length));
  for (const round of loop.rounds) {
    const number = round.round === null ? '' : String(round.round).padStart(2, '0');
    out.push(`  ${number.padEnd(4)}${round.kind.padEnd(kindWidth + 2)}${shown(round.path)}`);
  }

  out.push('', loop.findings.length ? l10n.t('Findings:') : l10n.t('Findings: none raised.'));
  const idWidth = Math.max(0, ...loop.findings.map((f) => f.id.length));
  const statusWidth = Math.max(0, ...loop.findings.map((f) => f.status.length));
  const indent = ' '.repeat(2 + idWidth + 2 + 2 + 2 + statusWidth + 2);
  for (const f of loop.findings) {
    out.push(`  ${f.id.padEnd(idWidth)}  ${f.severity}  ${f.status.padEnd(statusWidth)}  ${shown(f.title)}`);
    const raised = `${shown(f.raisedIn)}:${f.line}`;
    out.push(indent + (f.resolvedIn ? l10n.t('raised at {0}; status from {1}', raised, `${shown(f.resolvedIn)}:${f.resolvedLine}`) : l10n.t('raised at {0}; no later round answers it', raised)));
  }

  if (loop.unknownAnswers.length) {
    out.push('', l10n.t('Answers to findings no review raised:'));
    for (const u of loop.unknownAnswers) out.push(`  ${shown(u.path)}:${u.line}  ${u.id}`);
  }
  return `${out.join('\n')}\n`;
}
