import { leadText, type Block } from '../markdown/blocks';
import { hasText, matchLabel, plainText, splitTableRow } from '../markdown/inline';
import { replaceTags } from '../markdown/scan';
import { readChecklist } from './checklist';
import { allFields, collectFields, matchTemplateField } from './fields';
import { headingFromText, readHeading, readWorkHeading } from './heading';
import { labelSimilarity, words } from './match';
import type { Field, Subsection, TemplateField, TemplateSection, WorkSlot } from './model';
import { hasContent, type Outline } from './outline';
import type { Chunk } from './sections';
import { isPlaceholderOnly } from './choices';

/** A phase or wave: its heading, its fields by meaning, and the agent and task forms waves are written in. */
export function readSubsection(chunk: Chunk, template: TemplateSection, outline: Outline, stops?: readonly number[], standsFor?: string): Subsection {
  const heading = readHeading(chunk.heading, outline.lines);
  const work = readWorkHeading(heading.title);
  let kind = work.kind === template.subsectionKind || (standsFor && work.kind === standsFor) ? template.subsectionKind : undefined;
  let sub = kind ? template.subsections.find((s) => s.number !== undefined && s.number === work.number) : undefined;
  if (!kind) {
    sub = template.subsections.find((s) => labelSimilarity(heading.title, words(s.title)) >= 0.8);
    if (sub) kind = sub.kind;
  }
  // `5.1 Phase 1: …` is Phase 1: the work item's own number wins over the heading's outline number.
  if (work.number !== undefined && (kind || heading.number === undefined)) heading.number = work.number;
  const fields = collectFields(chunk.body, { outline, templateFields: template.subsectionFields, tableRows: true, endLine: chunk.endLine, stops });
  const tasks = readChecklist(chunk.body, outline);
  const result: Subsection = { heading, form: 'heading', kind, template: sub, startLine: chunk.startLine, endLine: chunk.endLine, fields, slots: [], tasks };
  if (kind) result.slots = readSlots(result, chunk.body, template.subsectionFields, outline);
  return result;
}

function filled(field: Field): boolean {
  return field.hasValue && !isPlaceholderOnly(field.value);
}

function readSlots(sub: Subsection, body: Block[], templateFields: TemplateField[], outline: Outline): WorkSlot[] {
  const written = allFields(sub.fields);
  const roles = templateFields.some((f) => f.words.includes('agent') || f.words.includes('task'));
  const forms = roles ? readAgentForms(body, templateFields, outline) : {};
  // `### Wave 1 — schema (agent: `schema-sync`)`: the heading names the agent.
  if (roles && AGENT_IN_HEADING.test(sub.heading.text)) forms.agent ??= sub.heading.line;
  const columns = readColumns(body, templateFields, outline);
  const prose = readProse(body, templateFields);
  const parts = readParts(sub, templateFields, outline);
  return templateFields.map((field) => {
    const labelled = written.filter((f) => f.template === field);
    const slot: WorkSlot = { field, present: labelled.length > 0, filled: labelled.some(filled), line: labelled[0]?.line };
    const column = columns.get(field);
    if (column && !slot.present) Object.assign(slot, { present: true, filled: column.filled, line: column.line });
    const part = parts.get(field);
    if (part && !slot.present) Object.assign(slot, { present: true, filled: part.filled, line: part.line });
    const said = prose.get(field);
    if (said !== undefined && !slot.present) Object.assign(slot, { present: true, filled: true, line: said });
    const role = field.words.includes('agent') ? 'agent' : field.words.includes('task') ? 'tasks' : undefined;
    const form = role && forms[role];
    if (form !== undefined && !slot.present) Object.assign(slot, { present: true, filled: true, line: form });
    if (role === 'tasks' && sub.tasks.length) {
      const done = sub.tasks.filter((t) => t.checked).length;
      Object.assign(slot, { present: true, filled: done === sub.tasks.length, done, total: sub.tasks.length, line: slot.line ?? sub.tasks[0].line });
    }
    return slot;
  });
}

/** Words of a part's title that say it is the work item's gate, and words of the field a gate fills. */
const GATE_PART = new Set(['go', 'gate', 'exit', 'validation', 'test', 'done', 'acceptance']);
const GATE_FIELD = new Set(['validation', 'test', 'exit', 'go', 'gate', 'done']);
/** Words of a part's title that say what the work item is for, and words of the field they fill. */
const AIM_PART = new Set(['success', 'why', 'purpose', 'aim', 'overview', 'summary', 'scope', 'intent', 'context']);
const AIM_FIELD = new Set(['scope', 'why', 'purpose', 'aim', 'success']);
/** The field the rest of the parts (migrations, routes, rollback) fill: what the work item makes. */
const MAKES_FIELD = new Set(['deliverable', 'task', 'output']);
const TASK_LINE = /^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\]/;
const LIST_MARK = /^\s*(?:>\s*)*(?:(?:[-*+]|\d+[.)])(?:\s+\[[ xX]\])?\s+)?/;

/**
 * `### 2.1 Goal`, `### 2.2 Migrations`, `### 2.5 Go/No-Go` under `## Phase 2`: a work item written as parts, each
 * part standing for the field its title names; else a gate (its title, or its checkboxes) for the field that checks
 * the work, a goal for the field that says what it is for, and the other parts with text for what it makes.
 */
function readParts(sub: Subsection, templateFields: TemplateField[], outline: Outline): Map<TemplateField, { line: number; filled: boolean }> {
  const found = new Map<TemplateField, { line: number; filled: boolean }>();
  const level = sub.heading.level;
  const { blocks, lines, content } = outline;
  // The blocks in the work item's lines, sub-sections written inside it included (its last gate may be the plan's go/no-go).
  let lo = 0;
  for (let hi = blocks.length; lo < hi; ) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].startLine <= sub.startLine) lo = mid + 1;
    else hi = mid;
  }
  const headings: Block[] = [];
  for (let i = lo; i < blocks.length && blocks[i].startLine < sub.endLine; i++) if (blocks[i].type === 'heading' && (blocks[i].level ?? 9) > level) headings.push(blocks[i]);
  if (!headings.length) return found;
  const partLevel = Math.min(...headings.map((b) => b.level ?? 9));
  const parts = headings.filter((b) => b.level === partLevel).map((block, i, all) => {
    const end = all[i + 1]?.startLine ?? sub.endLine;
    const title = readHeading(block, lines).title;
    let filled = false;
    let gate = false;
    for (let line = block.startLine + 1; line < end; line++) {
      if (!content[line]) continue;
      if (TASK_LINE.test(lines[line])) gate = true;
      if (!filled && !isPlaceholderOnly(lines[line].replace(LIST_MARK, ''))) filled = true;
    }
    return { title, titleWords: words(title), line: block.startLine, filled, gate, work: readWorkHeading(title).number !== undefined };
  }).filter((part) => !part.work);
  if (!parts.length) return found;
  const left = new Set(parts);
  const fill = (field: TemplateField | undefined, part: (typeof parts)[number]) => {
    if (!field) return;
    const had = found.get(field);
    found.set(field, { line: had?.line ?? part.line, filled: Boolean(had?.filled) || part.filled });
    left.delete(part);
  };
  const written = new Set(allFields(sub.fields).map((f) => f.template).filter(Boolean));
  const open = (wanted: Set<string>) => templateFields.find((f) => !written.has(f) && !found.has(f) && words(f.label).some((w) => wanted.has(w)));
  for (const part of parts) fill(matchTemplateField(part.title, templateFields), part);
  const gateField = open(GATE_FIELD);
  for (const part of [...left]) if (part.gate || part.titleWords.some((w) => GATE_PART.has(w))) fill(gateField, part);
  const aimField = open(AIM_FIELD);
  for (const part of [...left]) if (part.titleWords.some((w) => AIM_PART.has(w))) fill(aimField, part);
  const makesField = open(MAKES_FIELD);
  for (const part of [...left]) fill(makesField, part);
  return found;
}

const BOLD = /(\*\*|__)([^*_\n]{1,40}?)\1/g;

/** `The **scope** of this phase is …; we **validate** it by …`: a bold word of prose that names a field, in a sentence that says it. */
function readProse(body: Block[], templateFields: TemplateField[]): Map<TemplateField, number> {
  const found = new Map<TemplateField, number>();
  for (const block of body) {
    if (block.type !== 'paragraph' || (block.inline ?? '').indexOf('**') < 0 && (block.inline ?? '').indexOf('__') < 0) continue;
    const lines = (block.inline ?? '').split('\n');
    lines.forEach((text, i) => {
      for (const m of text.matchAll(BOLD)) {
        const field = m[2].split(/\s+/).length <= 3 ? matchTemplateField(plainText(m[2]), templateFields) : undefined;
        if (field && !found.has(field) && hasText(text.slice(m.index! + m[0].length))) found.set(field, block.startLine + i);
      }
    });
  }
  return found;
}

/** Lines where a wave names its agent and its tasks without the template's labels. */
interface AgentForms {
  agent?: number;
  tasks?: number;
}

/** `| Agent | Tasks | Blocks/unblocks |`: a table whose columns are the template's fields; a column counts where a row fills it. */
function readColumns(body: Block[], templateFields: TemplateField[], outline: Outline): Map<TemplateField, { filled: boolean; line: number }> {
  const found = new Map<TemplateField, { filled: boolean; line: number }>();
  for (const block of body) {
    if (block.type !== 'table' || !block.rows || block.rows.length < 2) continue;
    const header = splitTableRow(outline.lines[block.rows[0].line]).map((c) => matchTemplateField(plainText(c.text), templateFields));
    header.forEach((field, i) => {
      if (!field || found.get(field)?.filled) return;
      const row = block.rows!.find((r) => !r.header && hasText(splitTableRow(outline.lines[r.line])[i]?.text ?? ''));
      found.set(field, { filled: Boolean(row), line: row?.line ?? block.rows![0].line });
    });
  }
  return found;
}

/** ``- `name`: tasks`` or `- **name**: tasks`: a styled name that is not one of the template's labels (a name in code always is a name). */
function namesAgent(line: string, label: string, templateFields: TemplateField[]): boolean {
  if (/^(?:\*\*|__)?`/.test(line)) return true;
  return /^(?:\*\*|__)/.test(line) && !matchTemplateField(label, templateFields);
}

const AGENT_IN_HEADING = /\bagents?\s*(?::\s*\S|`[^`]+`)|`[^`]+`\s+agent\b|\bowner\s*:\s*\S/i;

const AGENT_WORD = /^(?:\*\*|__)?agents?\b/i;
const COLON = 0x3a;
const BACKTICK = 0x60;

/**
 * Where ``Agent `name`:`` ends (as `/^(?:\*\*|__)?agents?\b[^:]*?`[^`]+`[^:]*:/i` would match it), or -1: the
 * agent word, a name in code before the first colon, and a colon after it. One pass over the characters: a loop of
 * `indexOf` calls went quadratic on a long line once V8 optimised it.
 */
function agentLeadEnd(line: string): number {
  const word = AGENT_WORD.exec(line);
  if (!word) return -1;
  let open = -1;
  let close = -1;
  for (let i = word[0].length; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (close >= 0) {
      if (c === COLON) return i + 1;
    } else if (open >= 0) {
      if (c === BACKTICK) close = i;
    } else if (c === COLON) {
      return -1;
    } else if (c === BACKTICK && i + 1 < line.length && line.charCodeAt(i + 1) !== BACKTICK) {
      open = i;
    }
  }
  return -1;
}

/**
 * Where a wave names its agent and its tasks without the template's labels: ``Agent `name`:`` before a task list,
 * ``- `name`: tasks``, `- **name**: tasks`, or a table with an agent and a task column. Lines, by role.
 */
function readAgentForms(body: Block[], templateFields: TemplateField[], outline: Outline): AgentForms {
  const found: AgentForms = {};
  const note = (role: 'agent' | 'tasks', line: number) => (found[role] ??= line);
  for (let b = 0; b < body.length; b++) {
    const block = body[b];
    if (block.type === 'paragraph') {
      const text = block.inline ?? '';
      const next = body[b + 1];
      const first = text.split('\n', 1)[0];
      const agentEnd = agentLeadEnd(first);
      const label = agentEnd >= 0 ? undefined : matchLabel(first);
      // ``Agent `name`:`` or `**`name`**: tasks` as a paragraph; the tasks are its text or the list under it.
      const named = agentEnd >= 0 || (label && namesAgent(first, label.label, templateFields));
      if (!named) continue;
      note('agent', block.startLine);
      const rest = label ? label.value : agentEnd >= 0 ? first.slice(agentEnd) : first;
      if (hasText(rest) || text.indexOf('\n') >= 0 || (next && next.type === 'list')) note('tasks', next?.type === 'list' ? next.startLine : block.startLine);
    } else if (block.type === 'list') {
      for (const item of block.children) {
        const lead = leadText(item) ?? '';
        const first = lead.split('\n', 1)[0];
        const nested = hasContent(outline, item.startLine + 1, item.endLine);
        const agentEnd = agentLeadEnd(first);
        if (agentEnd >= 0) {
          note('agent', item.startLine);
          if (hasText(first.slice(agentEnd)) || nested) note('tasks', item.startLine);
          continue;
        }
        const label = matchLabel(first);
        if (!label || !namesAgent(first, label.label, templateFields)) continue;
        note('agent', item.startLine);
        if (hasText(label.value) || nested) note('tasks', item.startLine);
      }
    } else if (block.type === 'table' && block.rows && block.rows.length > 1) {
      const header = splitTableRow(outline.lines[block.rows[0].line]).map((c) => words(plainText(c.text)));
      const agent = header.findIndex((w) => w.includes('agent'));
      const tasks = header.findIndex((w, i) => i !== agent && w.some((x) => x === 'task' || x === 'scope' || x === 'deliverable'));
      if (agent < 0) continue;
      for (const row of block.rows.filter((r) => !r.header)) {
        const cells = splitTableRow(outline.lines[row.line]);
        if (hasText(cells[agent]?.text ?? '')) note('agent', row.line);
        if (tasks >= 0 && hasText(cells[tasks]?.text ?? '')) note('tasks', row.line);
      }
    }
  }
  return found;
}

/**
 * Phases or waves written without sub-headings: labelled list items (`- **Phase 2 — Sync:** scope: …; deliverables:
 * …; tests: …`) or the rows of a table with a `Wave` or `Phase` column.
 */
export function readListedWork(body: Block[], fields: Field[], template: TemplateSection, outline: Outline, level: number): Subsection[] {
  const kind = template.subsectionKind;
  if (!kind) return [];
  const found: Subsection[] = [];
  const items = new Map<number, Block>();
  for (const block of body) if (block.type === 'list') for (const item of block.children) items.set(item.startLine, item);
  for (const field of fields) {
    const work = readWorkHeading(plainText(field.label));
    const item = items.get(field.line);
    if (work.kind !== kind || work.number === undefined || !item) continue;
    const heading = headingFromText(field.label, field.line, level, field.labelRange.start.character);
    heading.number = work.number;
    // Its nested lines are read again against the phase's own fields (`  - Scope: …`).
    const nested = item.children.filter((b) => b.startLine > item.startLine);
    const fields = collectFields(nested, { outline, templateFields: template.subsectionFields, tableRows: true, endLine: item.endLine });
    const sub: Subsection = { heading, form: 'item', kind, template: template.subsections.find((s) => s.number === work.number), startLine: field.startLine, endLine: field.endLine, fields, slots: [], tasks: readChecklist(item.children, outline) };
    field.children = fields;
    sub.slots = readSlots(sub, item.children, template.subsectionFields, outline);
    // Its fields stay the item's children, so that the rules meet each of them once.
    sub.fields = [];
    for (const slot of sub.slots) {
      // `scope: …; deliverables: …; tests: …` on the item's own line.
      const at = slot.present ? -1 : inlineLabelAt(field.value, slot.field, template.subsectionFields);
      if (at >= 0) Object.assign(slot, { present: true, filled: true, line: field.line });
    }
    found.push(sub);
  }
  found.push(...readToggledWork(body, template, outline, level));
  for (const table of body) {
    if (table.type !== 'table' || !table.rows || table.rows.length < 2) continue;
    const header = splitTableRow(outline.lines[table.rows[0].line]).map((c) => plainText(c.text));
    const body = table.rows.filter((r) => !r.header).map((r) => ({ row: r, cells: splitTableRow(outline.lines[r.line]) }));
    const columns = header.map((h) => matchTemplateField(h, template.subsectionFields));
    // `| Type | Name | Scope | … | Agent | Tasks |`: a column of kinds (`Phase`, `Wave`) sorts the rows, the next one names them.
    const kinds = new Set(['phase', 'wave', ...(template.subsectionKind ? [template.subsectionKind] : [])]);
    const typeColumn = header.findIndex((_, i) => body.length > 0 && body.every(({ cells }) => kinds.has(plainText(cells[i]?.text ?? '').toLowerCase().replace(/s$/, ''))));
    const kindColumn = typeColumn >= 0 ? header.findIndex((_, i) => i !== typeColumn && !columns[i]) : header.findIndex((h) => readWorkHeading(h).kind === kind || h.toLowerCase() === '#');
    if (kindColumn < 0 || columns.filter(Boolean).length < 2) continue;
    for (const { row, cells } of body) {
      if (typeColumn >= 0 && plainText(cells[typeColumn]?.text ?? '').toLowerCase().replace(/s$/, '') !== kind) continue;
      const cell = cells[kindColumn];
      if (!cell || !plainText(cell.text)) continue;
      const label = /^\d+$/.test(plainText(cell.text)) ? `${kind[0].toUpperCase()}${kind.slice(1)} ${plainText(cell.text)}` : plainText(cell.text);
      const heading = headingFromText(label, row.line, level, cell.start);
      heading.number = readWorkHeading(label).number;
      const slots = template.subsectionFields.map((tf): WorkSlot => {
        const i = columns.indexOf(tf);
        const filledCell = i >= 0 && hasText(cells[i]?.text ?? '') && !/^[-—–]$/.test(plainText(cells[i].text));
        // An empty cell is a field not written: the row's wave lacks it.
        return { field: tf, present: filledCell, filled: filledCell, line: i >= 0 ? row.line : undefined };
      });
      found.push({ heading, form: 'row', kind, startLine: row.line, endLine: row.line + 1, fields: [], slots, tasks: [] });
    }
  }
  return found.sort((a, b) => a.startLine - b.startLine);
}

/** Where `label: text` for the field starts in a line of several (`scope: …; deliverables: …`), or -1. */
function inlineLabelAt(text: string, field: TemplateField, templateFields: TemplateField[]): number {
  for (const m of text.matchAll(/(?:^|[;.]\s+)([A-Za-z][\w /+-]{0,30}?):\s+\S/g)) {
    if (matchTemplateField(plainText(m[1]), templateFields) === field) return m.index!;
  }
  return -1;
}

/** `/<summary>([\s\S]*?)<\/summary>/i.exec(html)`: the first `<summary>` and the first `</summary>` after it. */
function findSummary(html: string): { index: number; text: string } | undefined {
  const open = /<summary>/i.exec(html);
  if (!open) return undefined;
  const from = open.index + open[0].length;
  const close = /<\/summary>/i.exec(html.slice(from));
  return close ? { index: open.index, text: html.slice(from, from + close.index) } : undefined;
}

/** Phases in toggles, as Notion and GitHub export them: `<details><summary>Phase 1: …</summary>` … `</details>`. */
function readToggledWork(body: Block[], template: TemplateSection, outline: Outline, level: number): Subsection[] {
  const found: Subsection[] = [];
  for (let i = 0; i < body.length; i++) {
    const block = body[i];
    const summary = block.type === 'html' ? findSummary(block.content ?? '') : undefined;
    if (!summary) continue;
    const label = plainText(replaceTags(summary.text, ' '));
    const work = readWorkHeading(label);
    if (work.kind !== template.subsectionKind || work.number === undefined) continue;
    let end = i + 1;
    while (end < body.length && !(body[end].type === 'html' && /<\/details>|<summary>/i.test(body[end].content ?? ''))) end++;
    const inner = body.slice(i + 1, end);
    const endLine = end < body.length ? body[end].startLine : (inner[inner.length - 1]?.endLine ?? block.endLine);
    const line = block.startLine + Math.max(0, (block.content ?? '').slice(0, summary.index).split('\n').length - 1);
    const heading = headingFromText(label, line, level, Math.max(0, outline.lines[line].indexOf(summary.text)));
    heading.number = work.number;
    const fields = collectFields(inner, { outline, templateFields: template.subsectionFields, tableRows: true, endLine });
    const sub: Subsection = { heading, form: 'toggle', kind: work.kind, template: template.subsections.find((s) => s.number === work.number), startLine: block.startLine, endLine, fields, slots: [], tasks: readChecklist(inner, outline) };
    sub.slots = readSlots(sub, inner, template.subsectionFields, outline);
    // The section itself holds these labels too: the rules meet them there, once.
    sub.fields = [];
    found.push(sub);
  }
  return found;
}
