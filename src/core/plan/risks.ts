import { leadText, type Block } from '../markdown/blocks';
import { hasText, matchLabel, plainText, splitTableRow } from '../markdown/inline';
import { isOneLine } from '../markdown/scan';
import { matchTemplateField, textColumn } from './fields';
import type { RiskEntry, TemplateField } from './model';
import { endOfText, hasContent, type Outline } from './outline';
import type { Chunk } from './sections';

/** What a mitigation says, as a label or in the risk's own sentence (`…; fall back to …`, `— handled by …`). */
export const MITIGATION = /\bmitigat|\bfallback\b|\bfall(?:s|ing)? back\b|\b(?:handled|addressed|covered|caught|absorbed) by\b|\bcontingenc|\bworkaround|\brecover|\bremediat/i;
/** Beside a risk column, the mitigations may be headed `Response`, `Countermeasure`, `Handling`, `Plan`. */
const MITIGATION_COLUMN = new RegExp(`${MITIGATION.source}|\\bresponse|\\bcountermeasure|\\bhandling|\\bcontrols?\\b|\\bplan\\b`, 'i');
/** `no mitigation yet`, `without a fallback`: the word is there, the mitigation is not. */
const NO_MITIGATION = /\b(?:no|without|lacks?|missing|tbd)\s+(?:\w+\s+)?(?:mitigat|fallback|contingenc|workaround|recover|remediat)/i;

/** `- Mitigation:` (bold, boxed or numbered) with nothing after it: a stub, not a mitigation, unless lines nested under it say one. */
const EMPTY_MITIGATION_LABEL = /^\s*(?:(?:[-*+]|\d+[.)])\s+)?(?:\[[ xX]\]\s+)?(?:\*\*|__)?(?:mitigations?|fallback|contingency|workaround|recovery|remediation)(?:\*\*|__)?\s*(?::\s*)?(?:(?:\*\*|__)\s*)?$/i;

const indentOf = (line: string) => line.length - line.trimStart().length;

/** A short name for a risk in messages: `Risk 2 "rate limits"`, `"Token expiry"`; words beyond six are cut. */
function riskName(label: string | undefined, text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const shown = words.length > 6 ? `${words.slice(0, 6).join(' ')}…` : words.join(' ');
  if (label && !MITIGATION.test(label)) return shown ? `${label} "${shown}"` : label;
  return shown ? `"${shown}"` : 'This risk';
}

function lineRange(line: number, start: number, end: number) {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** The risks of section G and whether each has a mitigation: sub-headings, list items, labelled paragraphs or table rows. */
export function readRisks(chunk: Chunk, outline: Outline, otherFields: TemplateField[] = []): RiskEntry[] {
  const risks: RiskEntry[] = [];
  const { lines } = outline;
  let emptyLine: number | undefined;
  /** Whether lines from..to say a mitigation; an empty `Mitigation:` label among them is kept in `emptyLine`. */
  const mitigatedIn = (from: number, to: number) => {
    emptyLine = undefined;
    for (let i = from; i < to; i++) {
      if (outline.nonProse[i] || !MITIGATION.test(lines[i]) || NO_MITIGATION.test(lines[i])) continue;
      if (!EMPTY_MITIGATION_LABEL.test(lines[i])) return true;
      let next = i + 1;
      while (next < to && !lines[next].trim()) next++;
      if (next < to && indentOf(lines[next]) > indentOf(lines[i])) return true;
      emptyLine ??= i;
    }
    return false;
  };
  const headingAt: number[] = [];
  chunk.body.forEach((b, i) => b.type === 'heading' && headingAt.push(i));
  if (headingAt.length) {
    // Risks listed before the first sub-heading; then under each sub-heading one risk, or a group of them (`### Technical risks`).
    const among = (from: number, to: number) => readRisks({ ...chunk, body: chunk.body.slice(from, to) }, outline, otherFields);
    const risks = among(0, headingAt[0]);
    headingAt.forEach((at, i) => {
      const heading = chunk.body[at];
      const end = headingAt[i + 1] ?? chunk.body.length;
      const next = chunk.body[end] as Block | undefined;
      // A title over deeper sub-headings, each a risk (`### Technical risks` / `#### Rate limits`).
      if (end === at + 1 && next && (next.level ?? 6) > (heading.level ?? 6)) return;
      const title = plainText(lines[heading.startLine].replace(/^\s*#+\s*/, ''));
      const grouped = GROUP_TITLE.test(title) || namesRisks(chunk.body.slice(at + 1, end), lines) ? among(at + 1, end) : [];
      if (grouped.length) return void risks.push(...grouped);
      risks.push({
        line: heading.startLine,
        hasText: true,
        hasMitigation: mitigatedIn(heading.startLine, next?.startLine ?? chunk.endLine),
        emptyMitigationLine: emptyLine,
        name: riskName(undefined, title),
        range: lineRange(heading.startLine, 0, lines[heading.startLine].length),
      });
    });
    return risks;
  }
  // `- Risk 1:` / blank line / `The token can expire. Mitigation: …`: the paragraphs under an empty risk are its text.
  let answerOf: RiskEntry | undefined;
  for (const block of chunk.body) {
    const open = answerOf;
    answerOf = undefined;
    if (block.type === 'paragraph' && open && !/^risk\b/i.test(paragraphLabel((block.inline ?? '').split('\n', 1)[0])?.label ?? '')) {
      open.hasText = true;
      open.hasMitigation ||= mitigatedIn(block.startLine, block.endLine);
      open.emptyMitigationLine ??= emptyLine;
      answerOf = open;
      continue;
    }
    if (block.type === 'list') {
      for (const item of block.children) {
        const lead = leadText(item) ?? '';
        const first = lead.split('\n', 1)[0];
        const label = matchLabel(first);
        if (label && otherFields.length && matchTemplateField(label.label, otherFields)) continue;
        const col = textColumn(lines[item.startLine], first);
        if (label && /^mitigat/i.test(label.label)) {
          const previous = risks[risks.length - 1];
          const written = hasText(label.value) || hasContent(outline, item.startLine + 1, item.endLine);
          if (previous) previous.hasMitigation ||= written;
          if (previous && !written) previous.emptyMitigationLine ??= item.startLine;
          continue;
        }
        const labelHasMitigation = Boolean(label && MITIGATION.test(label.label));
        const ownText = label ? plainText(label.value) : plainText(first);
        let hasMitigation = labelHasMitigation ? ownText.length > 0 : mitigatedIn(item.startLine, item.endLine);
        const emptyMitigationLine = labelHasMitigation ? undefined : emptyLine;
        const nestedText = hasContent(outline, item.startLine + 1, item.endLine);
        if (labelHasMitigation && !hasMitigation) hasMitigation = nestedText;
        const nested = item.children.find((b) => b.type === 'list' && b.startLine > item.startLine);
        risks.push({
          line: item.startLine,
          hasText: ownText.length > 0 || nestedText,
          hasMitigation,
          emptyMitigationLine,
          name: riskName(label?.label, ownText || plainText(lines[item.startLine + 1] ?? '')),
          stubAt: {
            line: endOfText(lines, item.startLine, item.endLine),
            indent: nested ? ' '.repeat(lines[nested.startLine].length - lines[nested.startLine].trimStart().length) : ' '.repeat(col),
          },
          range: lineRange(item.startLine, col, lines[item.startLine].length),
        });
      }
      const last = risks[risks.length - 1];
      if (last && !last.hasText && last.line === block.children[block.children.length - 1]?.startLine) answerOf = last;
    } else if (block.type === 'paragraph') {
      const label = paragraphLabel((block.inline ?? '').split('\n', 1)[0]);
      if (!label) continue;
      if (/^mitigat/i.test(label.label)) {
        const previous = risks[risks.length - 1];
        if (previous) previous.hasMitigation ||= hasText(label.value);
        if (previous && !hasText(label.value)) previous.emptyMitigationLine ??= block.startLine;
        continue;
      }
      risks.push({
        line: block.startLine,
        hasText: hasText(label.value),
        hasMitigation: mitigatedIn(block.startLine, block.endLine),
        emptyMitigationLine: emptyLine,
        name: riskName(label.label, plainText(label.value)),
        range: lineRange(block.startLine, 0, lines[block.startLine].length),
      });
    } else if (block.type === 'table') {
      const header = splitTableRow(lines[block.rows![0].line]);
      const column = mitigationColumn(header.map((c) => c.text));
      if (column < 0) {
        // `| Risk 1 | Tokens expire — mitigation: rotate monthly |`: a Field | Answer table of risks.
        for (const row of block.rows!.filter((r) => !r.header)) {
          const cells = splitTableRow(lines[row.line]);
          if (!/^risk\b/i.test(plainText(cells[0]?.text ?? ''))) continue;
          risks.push({
            line: row.line,
            hasText: cells.slice(1).some((c) => hasText(c.text)),
            hasMitigation: mitigatedIn(row.line, row.line + 1),
            name: riskName(plainText(cells[0].text), plainText(cells[1]?.text ?? '')),
            range: lineRange(row.line, 0, lines[row.line].length),
          });
        }
        continue;
      }
      for (const row of block.rows!.filter((r) => !r.header)) {
        const cells = splitTableRow(lines[row.line]);
        risks.push({
          line: row.line,
          hasText: cells.some((c, i) => i !== column && hasText(c.text)),
          hasMitigation: hasText(cells[column]?.text ?? ''),
          name: riskName(undefined, plainText(cells.find((c, i) => i !== column && hasText(c.text) && !/^\d+\.?$/.test(c.text.trim()))?.text ?? '')),
          range: lineRange(row.line, 0, lines[row.line].length),
        });
      }
    }
  }
  return risks;
}

/** A sub-heading over several risks: its title says risks (`Technical risks`, `Open issues`). */
const GROUP_TITLE = /\b(?:risks|threats|concerns|hazards|issues|problems|failures|scenarios)\b/i;

/** Blocks that write risks of their own: `- Risk 1:` items, `**Risk 2:**` paragraphs, a table with a risk column. */
function namesRisks(blocks: Block[], lines: string[]): boolean {
  const isRisk = (text: string) => /^risk\b/i.test(paragraphLabel(text.split('\n', 1)[0])?.label ?? '');
  return blocks.some((block) =>
    block.type === 'list' ? block.children.some((item) => isRisk(leadText(item) ?? ''))
      : block.type === 'paragraph' ? isRisk(block.inline ?? '')
        : block.type === 'table' && splitTableRow(lines[block.rows![0].line]).some((c) => RISK_COLUMN.test(c.text)));
}

/** The column of a risk table that holds the mitigations: by its word, or beside a risk column as its `Response`. */
export function mitigationColumn(header: string[]): number {
  const named = header.findIndex((h) => MITIGATION.test(h));
  if (named >= 0 || !header.some((h) => RISK_COLUMN.test(h))) return named;
  return header.findIndex((h) => MITIGATION_COLUMN.test(h) && !RISK_COLUMN.test(h));
}

export const RISK_COLUMN = /\b(?:risks?|failures?|threats?|issues?|concerns?|hazards?|scenarios?|problems?)\b/i;

/** `**Risk 2:** …`, and as clauses are written, `7.2 **Risk 2.** …` / `7.2.1 **Mitigation.** …`. */
function paragraphLabel(line: string): { label: string; value: string } | undefined {
  const text = line.replace(/^\d+(?:\.\d+)+\s+(?=\*\*|__)/, '');
  const label = matchLabel(text);
  if (label) return label;
  // A bold sentence (`**Worst case, we hide the tab.**`) is no label: a label is a few words.
  // `\s*(.*)$` read as the spaces, then the rest of a one-line text (no space retried).
  const period = /^(\*\*|__)([^*_\n,;]{1,40}?)\.\1\s*([^]*)/.exec(text);
  return period && isOneLine(period[3]) && period[2].split(/\s+/).length <= 4 ? { label: plainText(period[2]), value: period[3] } : undefined;
}
