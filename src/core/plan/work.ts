import { leadText, type Block } from '../markdown/blocks';
import { hasText, matchLabel, plainText, splitTableRow } from '../markdown/inline';
import { readChecklist } from './checklist';
import { allFields, collectFields, matchTemplateField } from './fields';
import { readHeading, readWorkHeading } from './heading';
import { labelSimilarity, words } from './match';
import type { Field, Subsection, TemplateField, TemplateSection, WorkSlot } from './model';
import { hasContent, type Outline } from './outline';
import type { Chunk } from './sections';
import { isPlaceholderOnly } from './choices';

/** A phase or wave: its heading, its fields by meaning, and the agent and task forms waves are written in. */
export function readSubsection(chunk: Chunk, template: TemplateSection, outline: Outline, stops?: readonly number[]): Subsection {
  const heading = readHeading(chunk.heading, outline.lines);
  const work = readWorkHeading(heading.title);
  let kind = work.kind === template.subsectionKind ? work.kind : undefined;
  let sub = kind ? template.subsections.find((s) => s.number !== undefined && s.number === work.number) : undefined;
  if (!kind) {
    sub = template.subsections.find((s) => labelSimilarity(heading.title, words(s.title)) >= 0.8);
    if (sub) kind = sub.kind;
  }
  // `5.1 Phase 1: …` is Phase 1: the work item's own number wins over the heading's outline number.
  if (work.number !== undefined && (kind || heading.number === undefined)) heading.number = work.number;
  const fields = collectFields(chunk.body, { outline, templateFields: template.subsectionFields, tableRows: true, endLine: chunk.endLine, stops });
  const tasks = readChecklist(chunk.body, outline);
  const result: Subsection = { heading, kind, template: sub, startLine: chunk.startLine, endLine: chunk.endLine, fields, slots: [], tasks };
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
  return templateFields.map((field) => {
    const labelled = written.filter((f) => f.template === field);
    const slot: WorkSlot = { field, present: labelled.length > 0, filled: labelled.some(filled), line: labelled[0]?.line };
    const column = columns.get(field);
    if (column && !slot.present) Object.assign(slot, { present: true, filled: column.filled, line: column.line });
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

const AGENT_LEAD = /^(?:\*\*|__)?agents?\b[^:]*?`[^`]+`[^:]*:/i;

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
      const label = AGENT_LEAD.test(first) ? undefined : matchLabel(first);
      // ``Agent `name`:`` or `**`name`**: tasks` as a paragraph; the tasks are its text or the list under it.
      const named = AGENT_LEAD.test(first) || (label && namesAgent(first, label.label, templateFields));
      if (!named) continue;
      note('agent', block.startLine);
      const rest = label ? label.value : first.replace(AGENT_LEAD, '');
      if (hasText(rest) || text.indexOf('\n') >= 0 || (next && next.type === 'list')) note('tasks', next?.type === 'list' ? next.startLine : block.startLine);
    } else if (block.type === 'list') {
      for (const item of block.children) {
        const lead = leadText(item) ?? '';
        const first = lead.split('\n', 1)[0];
        const nested = hasContent(outline, item.startLine + 1, item.endLine);
        if (AGENT_LEAD.test(first)) {
          note('agent', item.startLine);
          if (hasText(first.replace(AGENT_LEAD, '')) || nested) note('tasks', item.startLine);
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
