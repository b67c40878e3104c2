import { leadText, type Block } from '../markdown/blocks';
import { hasText, matchLabel, matchTask, plainText, splitTableRow, type LabelMatch } from '../markdown/inline';
import { withoutTrailingNumber } from '../markdown/scan';
import { labelSimilarity, MATCH_THRESHOLD, words } from './match';
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
  /** Lines where a section written inside this one starts: no field reaches past them. */
  stops?: readonly number[];
}

// How a label ranks: a heading by its level, then a labelled paragraph, then a labelled list item.
const PARAGRAPH = 7;
const ITEM = 8;
/** A plain (unstyled) paragraph is a label only when it is short and names a template field. */
const MAX_PLAIN_LABEL_WORDS = 5;

interface OpenField {
  field: Field;
  weight: number;
}

/**
 * Reads the labelled fields among a scope's blocks as a tree. A field owns everything below its label up to the
 * next label of the same or a higher rank (a heading, then a labelled paragraph, then a labelled item); a
 * template field also ends at the next template field, its sibling in the template. A sentence ending with a
 * colon is content, unless it is styled as a label or names a template field.
 */
export function collectFields(blocks: Block[], scope: FieldScope): Field[] {
  const top: Field[] = [];
  const stack: OpenField[] = [];
  const close = (line: number, weight: number, template?: TemplateField, label?: string) => {
    while (stack.length) {
      const open = stack[stack.length - 1];
      const sibling = template !== undefined && open.field.template !== undefined && (open.field.template !== template || (template.series && open.field.label !== label));
      if (open.weight < weight && !sibling) break;
      stack.pop();
      finish(open.field, line, scope.outline);
    }
  };
  const open = (field: Field, weight: number) => {
    close(field.startLine, weight, field.template, field.label);
    (stack.length ? stack[stack.length - 1].field.children : top).push(field);
    stack.push({ field, weight });
  };

  let stop = 0;
  const stops = scope.stops ?? [];
  for (let at = 0; at < blocks.length; at++) {
    const block = blocks[at];
    while (stop < stops.length && stops[stop] <= block.startLine) close(stops[stop++], -1);
    switch (block.type) {
      case 'heading': {
        const level = block.level ?? 6;
        const field = headingField(block, scope);
        if (field && !labelsOwnField(blocks, at, field.template!, scope)) open(field, level);
        else close(block.startLine, level);
        break;
      }
      case 'paragraph':
        for (const field of paragraphLabels(block, scope)) {
          // `- Q2:` / blank line / `Assumption: none for v1.`: a plain line right under an empty item is its answer.
          const top = stack[stack.length - 1]?.field;
          const plain = !STYLED.test(scope.outline.lines[field.line].trimStart());
          if (plain && top?.kind === 'item' && !hasText(top.value) && !hasContent(scope.outline, top.line + 1, field.line)) {
            top.children.push(field);
            stack.push({ field, weight: ITEM + 1 });
            continue;
          }
          for (const part of inlineLabels(field, scope)) open(part, PARAGRAPH);
        }
        break;
      case 'list':
        for (const item of block.children) {
          const field = itemField(item, scope);
          if (field) for (const part of inlineLabels(field, scope)) open(part, ITEM);
          for (const lazy of lazyLabels(item, scope)) open(lazy, PARAGRAPH);
        }
        break;
      case 'html':
        // `</details>`, `<summary>…`, `<aside>`: a toggle or callout ends what the labels before it own.
        if (/^\s*<\/?(?:details|summary|aside|section|div)\b/i.test(block.content ?? '')) close(block.startLine, PARAGRAPH);
        break;
      case 'table':
        if (scope.tableRows) for (const field of tableFields(block, scope)) (stack.length ? stack[stack.length - 1].field.children : top).push(field);
        break;
      default:
        break;
    }
  }
  close(stop < stops.length && stops[stop] < scope.endLine ? stops[stop] : scope.endLine, -1);
  return top;
}

function finish(field: Field, endLine: number, outline: Outline): void {
  if (field.kind !== 'table-row') field.endLine = Math.max(field.endLine, endLine);
  field.hasValue = hasText(field.value) || contentUnder(field, outline);
}

/** Whether anything is written under a label, besides labels nested under it with nothing written (`- Scope:` / `  - In:`). */
function contentUnder(field: Field, outline: Outline): boolean {
  let line = field.line + 1;
  for (const child of field.children) {
    if (child.hasValue || child.line < line) continue;
    if (hasContent(outline, line, child.line)) return true;
    line = Math.max(line, child.endLine);
  }
  return hasContent(outline, line, field.endLine);
}

/** `**Scope.** The sync loop.`: a bold label closed by a full stop, read as a label when it names a template field. */
const PERIOD_LABEL = /^(\*\*|__)([^*_\n]{1,60}?)\.\1(?:\s+|$)/;

/** `3.1 **Link 1.** …`: a clause number before a bold label. */
const CLAUSE = /^\d+(?:\.\d+)+\s+(?=\*\*|__)/;

function fieldAt(line: number, column: number, text: string, kind: FieldKind, scope: FieldScope): Field | undefined {
  const clause = CLAUSE.exec(text);
  if (clause) return fieldAt(line, column + clause[0].length, text.slice(clause[0].length), kind, scope);
  const label = matchLabel(text) ?? periodLabel(text, scope) ?? dashLabel(text, scope);
  if (!label) return undefined;
  const field = makeField(label.label, kind, line, column + label.labelStart, column + label.labelEnd, column + label.valueStart, label.value, scope);
  field.childIndent = ' '.repeat(column);
  return field;
}

const INLINE_LABEL = /(?:\*\*|__)([^*_\n]{1,60}?)(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:)/g;

/**
 * `- **Scope:** the sync. **Deliverables:** the loader. **Validation tests:** a re-run adds nothing.`: bold labels
 * of template fields later on the line start fields of their own; the first keeps the text before them.
 */
function inlineLabels(field: Field, scope: FieldScope): Field[] {
  if (!field.template || field.value.indexOf('**') < 0 && field.value.indexOf('__') < 0) return [field];
  const parts: Field[] = [field];
  const start = field.valueRange.start.character;
  const whole = field.value;
  for (const m of whole.matchAll(INLINE_LABEL)) {
    const template = matchTemplateField(plainText(m[1]), scope.templateFields);
    if (!template || m.index === 0) continue;
    const previous = parts[parts.length - 1];
    const at = start + m.index!;
    previous.value = whole.slice(previous.valueRange.start.character - start, m.index).trimEnd();
    previous.valueRange.end.character = previous.valueRange.start.character + previous.value.length;
    const labelStart = at + m[0].indexOf(m[1]);
    let valueStart = at + m[0].length;
    while (whole[valueStart - start] === ' ') valueStart++;
    const part = makeField(plainText(m[1]), field.kind, field.line, labelStart, labelStart + m[1].length, valueStart, whole.slice(valueStart - start), scope);
    part.template = template;
    part.childIndent = field.childIndent;
    parts.push(part);
  }
  for (const part of parts) if (part !== field) part.endLine = part.line + 1;
  return parts;
}

/** `- Scope — the sync loop`, `- Plan/tier constraints —`: a dash for a colon, read so when the label names a template field. */
const DASH_LABEL = /^(\*\*|__)?([^—–:*_\n]{1,60}?)\1?\s+[—–](?:\s+|$)/;

function dashLabel(text: string, scope: FieldScope): LabelMatch | undefined {
  const m = text.indexOf('—') > 0 || text.indexOf('–') > 0 ? DASH_LABEL.exec(text) : null;
  if (!m || !matchTemplateField(plainText(m[2]), scope.templateFields)) return undefined;
  const labelStart = m[1]?.length ?? 0;
  return { label: plainText(m[2]), labelStart, labelEnd: labelStart + m[2].length, valueStart: m[0].length, value: text.slice(m[0].length).trimEnd() };
}

function periodLabel(text: string, scope: FieldScope): LabelMatch | undefined {
  const m = text.indexOf('.') > 0 ? PERIOD_LABEL.exec(text) : null;
  if (!m || !matchTemplateField(plainText(m[2]), scope.templateFields)) return undefined;
  return { label: plainText(m[2]), labelStart: m[1].length, labelEnd: m[1].length + m[2].length, valueStart: m[0].length, value: text.slice(m[0].length).trimEnd() };
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
    const text = field.series ? withoutTrailingNumber(label) : label;
    // `Secrets` names `Secrets/env vars (.env.local + deployment)`: the template's remarks in parentheses are not needed.
    const score = Math.max(labelSimilarity(text, field.words), field.bareWords ? labelSimilarity(text, field.bareWords) : 0);
    if (score > bestScore || (score === bestScore && !best)) {
      best = field;
      bestScore = score;
    }
  }
  // `Create the Harvest API key:` names no field's words but does what `External app creation` asks: a label opened
  // by the verb of a field's action names that field, when it names no other.
  const verb = best ? undefined : words(label)[0];
  if (verb && ACTIONS.has(verb)) best = fields.find((f) => f.words.includes(verb));
  return best;
}

/** Words of a template field that name an action a label can open with (`Create …`, `Register …`). */
const ACTIONS = new Set(['create']);

/** Column where a block's inline text starts on its first line. */
export function textColumn(sourceLine: string, text: string): number {
  const newline = text.indexOf('\n');
  const first = newline < 0 ? text : text.slice(0, newline);
  const col = first ? sourceLine.indexOf(first) : -1;
  if (col >= 0) return col;
  const marker = /^\s*(?:>\s*)*(?:[-*+]|\d+[.)])?\s*/.exec(sourceLine);
  return marker ? marker[0].length : 0;
}

const STYLED = /^(?:\d+(?:\.\d+)+\s+)?(\*\*|__|\*|_)/;

/** A list item that starts with a label; what is nested in the item is read as its own little tree. */
function itemField(item: Block, scope: FieldScope): Field | undefined {
  let lead = leadText(item);
  if (lead === undefined) return undefined;
  // `- [ ] Migration files to apply:` in an owner checklist: the box is a to-do, the label a template field.
  const task = matchTask(lead);
  if (task) lead = lead.slice(task.textStart);
  const line = item.startLine;
  const newline = lead.indexOf('\n');
  const first = newline < 0 ? lead : lead.slice(0, newline);
  // Most items are no label: only a colon, a dash, or a bold (or clause-numbered bold) start can make one.
  if (first.indexOf(':') < 0 && first.indexOf('—') < 0 && first.indexOf('–') < 0 && !/^(?:\d+(?:\.\d+)+\s+)?(?:\*\*|__)/.test(first)) return undefined;
  const field = fieldAt(line, textColumn(scope.outline.lines[line], first), first, 'item', scope);
  if (!field || (task && !field.template)) return undefined;
  field.endLine = item.endLine;
  if (item.children.length < 2 && item.endLine <= line + 1) return field;
  const nested = item.children.filter((b) => (b.type === 'list' || b.type === 'paragraph' || b.type === 'table') && b.startLine > line);
  if (nested.length) {
    field.children = collectFields(nested, { ...scope, templateFields: NESTED_FIELDS, tableRows: false, endLine: item.endLine });
    const nestedList = nested.find((b) => b.type === 'list');
    if (nestedList) field.childIndent = ' '.repeat(indentOf(scope.outline.lines[nestedList.startLine]));
  }
  return field;
}

const NESTED_FIELDS: TemplateField[] = [];

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

/** The labels a paragraph starts, line by line: a styled label, or a short plain label naming a template field. */
function paragraphLabels(block: Block, scope: FieldScope): Field[] {
  const out: Field[] = [];
  const parts = (block.inline ?? '').split('\n');
  for (let i = 0; i < parts.length && block.startLine + i < block.endLine; i++) {
    const line = block.startLine + i;
    const part = parts[i];
    const styled = STYLED.test(part);
    // A definition list (`Scope` / `: the sync loop`): the term is the label when it names a template field.
    if (part.indexOf(':') < 0 && /^:\s/.test(parts[i + 1] ?? '') && part.split(/\s+/).length <= MAX_PLAIN_LABEL_WORDS) {
      const template = matchTemplateField(plainText(part), scope.templateFields);
      if (template) {
        const col = textColumn(scope.outline.lines[line], part);
        const field = makeField(plainText(part), 'paragraph', line, col, col + part.length, col + part.length, '', scope);
        out.push(field);
        continue;
      }
    }
    if (i > 0 && !styled && part.indexOf(':') < 0) continue;
    const field = fieldAt(line, textColumn(scope.outline.lines[line], part), part, 'paragraph', scope);
    if (!field) continue;
    if (!styled && (!field.template || field.label.split(/\s+/).length > MAX_PLAIN_LABEL_WORDS)) continue;
    out.push(field);
  }
  return out;
}

function headingField(block: Block, scope: FieldScope): Field | undefined {
  const text = plainText(block.inline ?? '').replace(/^(?:\d+(?:\.\d+)*[.)]?|[A-Za-z][.)])\s+/, '').replace(/:\s*$/, '');
  const template = matchTemplateField(text, scope.templateFields);
  if (!template) return undefined;
  const line = block.startLine;
  const col = textColumn(scope.outline.lines[line], block.inline ?? '');
  const field = makeField(text, 'heading', line, col, col + (block.inline ?? '').length, col + (block.inline ?? '').length, '', scope);
  field.template = template;
  return field;
}

/** `### Limits and pull mode` over `- **Data pull mode:** …`: a heading that groups labels, its own field among them. */
function labelsOwnField(blocks: Block[], at: number, template: TemplateField, scope: FieldScope): boolean {
  const heading = blocks[at];
  for (let i = at + 1; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.type === 'heading' && (block.level ?? 6) <= (heading.level ?? 6)) break;
    const leads = block.type === 'list' ? block.children.map((item) => leadText(item) ?? '') : block.type === 'paragraph' ? [block.inline ?? ''] : [];
    for (const lead of leads) {
      const label = lead.indexOf(':') >= 0 ? matchLabel(lead.split('\n', 1)[0]) : undefined;
      if (label && matchTemplateField(label.label, scope.templateFields) === template) return true;
    }
  }
  return false;
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
    const field = makeField(label, 'table-row', row.line, spans[0].start, spans[0].end, rest[0].start, value, scope);
    field.valueRange.end.character = rest[rest.length - 1].end;
    field.template = template;
    field.hasValue = hasText(value);
    fields.push(field);
  }
  return fields;
}

/** A field and every field under it, depth first. */
export function allFields(fields: Field[], out: Field[] = []): Field[] {
  for (const field of fields) {
    out.push(field);
    allFields(field.children, out);
  }
  return out;
}
