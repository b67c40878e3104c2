import { leadText, type Block } from '../markdown/blocks';
import { hasText, matchLabel, matchTask, plainText, splitTableRow } from '../markdown/inline';
import { labelSimilarity, MATCH_THRESHOLD } from './match';
import type { Field, FieldKind, TemplateField } from './model';
import { hasContent, type Outline } from './outline';

export interface FieldScope {
  outline: Outline;
  /** Template fields that labels are matched against (also lets a sub-heading or table row stand for a field). */
  templateFields: TemplateField[];
  /** Read key/value table rows as fields. */
  tableRows: boolean;
  /** First line after the scope. */
  endLine: number;
}

/** Finds the labelled fields among a section's (or sub-section's) blocks and the extent of each. */
export function collectFields(blocks: Block[], scope: FieldScope): Field[] {
  const anchors: Field[] = [];
  const stops: number[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'list':
        for (const item of block.children) {
          const field = itemField(item, scope);
          if (field) anchors.push(field);
          anchors.push(...lazyLabels(item, scope));
        }
        break;
      case 'paragraph':
        anchors.push(...paragraphFields(block, scope));
        break;
      case 'heading': {
        const field = headingField(block, scope);
        if (field) anchors.push(field);
        else stops.push(block.startLine);
        break;
      }
      case 'table':
        if (scope.tableRows) anchors.push(...tableFields(block, scope));
        break;
      default:
        break;
    }
  }
  finishExtents(anchors, stops, scope);
  return anchors;
}

function finishExtents(anchors: Field[], stops: number[], scope: FieldScope): void {
  const { outline } = scope;
  for (let i = 0; i < anchors.length; i++) {
    const field = anchors[i];
    let end = i + 1 < anchors.length ? anchors[i + 1].startLine : scope.endLine;
    for (const stop of stops) if (stop > field.line && stop < end) end = stop;
    if (field.kind !== 'table-row') field.endLine = end;
    field.hasValue = hasText(field.value) || hasContent(outline, field.line + 1, field.endLine);
  }
}

function fieldAt(line: number, column: number, text: string, kind: FieldKind, scope: FieldScope): Field | undefined {
  const label = matchLabel(text);
  if (!label) return undefined;
  const field = makeField(label.label, kind, line, column + label.labelStart, column + label.labelEnd, column + label.valueStart, label.value, scope);
  field.childIndent = ' '.repeat(column);
  return field;
}

function makeField(label: string, kind: FieldKind, line: number, labelStart: number, labelEnd: number, valueStart: number, value: string, scope: FieldScope): Field {
  return {
    label,
    kind,
    line,
    labelRange: { start: { line, character: labelStart }, end: { line, character: labelEnd } },
    value,
    valueRange: { start: { line, character: valueStart }, end: { line, character: valueStart + value.length } },
    startLine: line,
    endLine: line + 1,
    hasValue: false,
    template: matchTemplateField(label, scope.templateFields),
    children: [],
    childIndent: '',
  };
}

const NO_FIELDS: TemplateField[] = [];
const fieldMatches = new WeakMap<TemplateField[], Map<string, TemplateField | undefined>>();

/** The template field a label stands for, by meaning (memoised: plans repeat their labels). */
export function matchTemplateField(label: string, fields: TemplateField[]): TemplateField | undefined {
  if (!fields.length) return undefined;
  let cache = fieldMatches.get(fields);
  if (!cache) fieldMatches.set(fields, (cache = new Map()));
  if (cache.has(label)) return cache.get(label);
  const best = bestTemplateField(label, fields);
  if (cache.size < 5000) cache.set(label, best);
  return best;
}

function bestTemplateField(label: string, fields: TemplateField[]): TemplateField | undefined {
  let best: TemplateField | undefined;
  let bestScore = MATCH_THRESHOLD;
  for (const field of fields) {
    const score = labelSimilarity(field.series ? label.replace(/\s*#?\d+\s*$/, '') : label, field.words);
    if (score > bestScore || (score === bestScore && !best)) {
      best = field;
      bestScore = score;
    }
  }
  return best;
}

/** Column where a block's inline text starts on its first line. */
export function textColumn(sourceLine: string, text: string): number {
  const first = text.split('\n', 1)[0];
  const col = first ? sourceLine.indexOf(first) : -1;
  if (col >= 0) return col;
  const marker = /^\s*(?:>\s*)*(?:[-*+]|\d+[.)])?\s*/.exec(sourceLine);
  return marker ? marker[0].length : 0;
}

function itemField(item: Block, scope: FieldScope): Field | undefined {
  const lead = leadText(item);
  if (lead === undefined || matchTask(lead)) return undefined;
  const line = item.startLine;
  const first = lead.split('\n', 1)[0];
  const field = fieldAt(line, textColumn(scope.outline.lines[line], first), first, 'item', scope);
  if (!field) return undefined;
  field.endLine = item.endLine;
  const nested = item.children.filter((b) => b.type === 'list' || b.type === 'paragraph' || b.type === 'table');
  const nestedBlocks = nested.filter((b) => b.startLine > line);
  if (nestedBlocks.length) {
    field.children = collectFields(nestedBlocks, { ...scope, templateFields: NO_FIELDS, tableRows: false, endLine: item.endLine });
    const nestedList = nestedBlocks.find((b) => b.type === 'list');
    if (nestedList) field.childIndent = ' '.repeat(indentOf(scope.outline.lines[nestedList.startLine]));
  }
  return field;
}

/** `**Label:**` lines that markdown folds into the item above (lazy continuation) still start a field. */
function lazyLabels(item: Block, scope: FieldScope): Field[] {
  const lead = leadText(item);
  if (lead === undefined || lead.indexOf('\n') < 0) return [];
  const fields: Field[] = [];
  const parts = lead.split('\n');
  for (let i = 1; i < parts.length; i++) {
    const line = item.startLine + i;
    const source = scope.outline.lines[line] ?? '';
    if (indentOf(source) > 0 || !/^(\*\*|__)/.test(parts[i])) continue;
    const field = fieldAt(line, textColumn(source, parts[i]), parts[i], 'paragraph', scope);
    if (field) fields.push(field);
  }
  return fields;
}

export function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function paragraphFields(block: Block, scope: FieldScope): Field[] {
  const fields: Field[] = [];
  const text = block.inline ?? '';
  const parts = text.split('\n');
  for (let i = 0; i < parts.length; i++) {
    const line = block.startLine + i;
    if (line >= block.endLine) break;
    const part = parts[i];
    if (i > 0 && !/^(\*\*|__)/.test(part)) continue;
    const field = fieldAt(line, textColumn(scope.outline.lines[line], part), part, 'paragraph', scope);
    if (field) fields.push(field);
  }
  return fields;
}

function headingField(block: Block, scope: FieldScope): Field | undefined {
  const text = plainText(block.inline ?? '').replace(/:\s*$/, '');
  const template = matchTemplateField(text, scope.templateFields);
  if (!template && !/:\s*$/.test(block.inline ?? '')) return undefined;
  const line = block.startLine;
  const col = textColumn(scope.outline.lines[line], block.inline ?? '');
  const field = makeField(text, 'heading', line, col, col + (block.inline ?? '').length, col + (block.inline ?? '').length, '', scope);
  field.template = template;
  field.childIndent = '';
  return field;
}

function tableFields(block: Block, scope: FieldScope): Field[] {
  const fields: Field[] = [];
  for (const row of block.rows ?? []) {
    if (row.header) continue;
    const spans = splitTableRow(scope.outline.lines[row.line]);
    if (spans.length < 2) continue;
    const label = plainText(spans[0].text).replace(/:\s*$/, '');
    const template = matchTemplateField(label, scope.templateFields);
    if (!template) continue;
    const rest = spans.slice(1);
    const value = rest.map((s) => s.text).join(' ').trim();
    const valueStart = rest[0].start;
    const field = makeField(label, 'table-row', row.line, spans[0].start, spans[0].end, valueStart, value, scope);
    field.valueRange.end.character = rest[rest.length - 1].end;
    field.template = template;
    fields.push(field);
  }
  return fields;
}
