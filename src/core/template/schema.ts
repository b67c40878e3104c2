import { leadText } from '../markdown/blocks';
import { hasText, matchTask, plainText, splitTableRow } from '../markdown/inline';
import { replaceParenthesised, splitOptions, trailingNumber } from '../markdown/scan';
import { collectFields } from '../plan/fields';
import { readHeading, readWorkHeading } from '../plan/heading';
import { words } from '../plan/match';
import type { SectionRole, TemplateColumn, TemplateField, TemplateSchema, TemplateSection, TemplateSubsection } from '../plan/model';
import { readOutline } from '../plan/outline';
import { forEachItem, splitAtHeadings } from '../plan/sections';
import { DEFAULT_TEMPLATE_TEXT } from './default-template.generated';

/** `[P1]`, `[S2]`, `[High]` alone at the start of a list item. */
const SEVERITY_SLOT = /^\[([A-Za-z]{1,8}\d?|\d)\](?:\s|$)/;
const CHOICE_LIST = /^\s*[\w:+-]+(?:\s*\/\s*[\w:+-]+)+\s*$/;

/** Reads a template file into the plan schema: sections, fields, choices, sub-sections, table columns, checklist. */
export function buildSchema(text: string): TemplateSchema {
  const outline = readOutline(text);
  const { lines } = outline;
  const titleBlock = outline.blocks.find((b) => b.type === 'heading' && b.level === 1);
  const title = titleBlock ? plainText(titleBlock.inline ?? '') : 'Connector Rollout Plan';
  const { chunks } = splitAtHeadings(outline.blocks.filter((b) => b !== titleBlock), 2, lines.length);

  const sections: TemplateSection[] = chunks.map((chunk, index) => {
    const heading = readHeading(chunk.heading, lines);
    const { preamble, chunks: subChunks } = splitAtHeadings(chunk.body, 3, chunk.endLine);
    const scope = { outline, templateFields: [], tableRows: false };
    const fields = toTemplateFields(collectFields(preamble, { ...scope, endLine: subChunks[0]?.startLine ?? chunk.endLine }));

    const subsections: TemplateSubsection[] = [];
    const subsectionFields: TemplateField[] = [];
    for (const sub of subChunks) {
      const work = readWorkHeading(readHeading(sub.heading, lines).title);
      subsections.push({ title: work.rest || plainText(sub.heading.inline ?? ''), kind: work.kind ?? 'part', number: work.number });
      for (const field of toTemplateFields(collectFields(sub.body, { ...scope, endLine: sub.endLine }))) {
        if (!subsectionFields.some((f) => f.key === field.key)) subsectionFields.push(field);
      }
    }

    const checklist: string[] = [];
    const severities: string[] = [];
    forEachItem(chunk.body, (item) => {
      const lead = leadText(item) ?? '';
      const task = matchTask(lead);
      if (task) checklist.push(task.text);
      // `- [P1]`, `- [High]`: a slot for a risk of that severity, not a checkbox.
      const tag = SEVERITY_SLOT.exec(lead);
      if (!task && tag) severities.push(tag[1]);
    });

    const table = chunk.body.find((b) => b.type === 'table');
    const columns: TemplateColumn[] = [];
    // `| Performance | | | |`: rows the template names in the first column and leaves blank after it.
    const fixedRows: string[] = [];
    for (const row of table?.rows?.slice(1) ?? []) {
      const cells = splitTableRow(lines[row.line]);
      if (cells.length > 1 && hasText(cells[0].text) && !/\{[^{}]*\}/.test(cells[0].text) && cells.slice(1).every((c) => !hasText(c.text))) fixedRows.push(plainText(cells[0].text));
    }
    if (table?.rows?.length) {
      const header = splitTableRow(lines[table.rows[0].line]);
      const sample = table.rows[1] ? splitTableRow(lines[table.rows[1].line]) : [];
      header.forEach((cell, i) => {
        const choice = /^\{([^{}]+)\}$/.exec(sample[i]?.text ?? '');
        const options = choice ? splitChoices(choice[1]) : undefined;
        columns.push({ title: plainText(cell.text), words: words(cell.text), choices: options && options.length > 1 ? options : undefined });
      });
    }

    const role: SectionRole = checklist.length
      ? 'checklist'
      : columns.length
        ? 'mapping'
        : subsections.length
          ? 'work'
          : fields.some((f) => /->|→/.test(f.guidance))
            ? 'links'
            : words(heading.title).includes('risk')
              ? 'risks'
              : 'fields';

    let end = chunk.endLine;
    while (end > chunk.startLine && !lines[end - 1].trim()) end--;
    return {
      id: heading.letter ?? String.fromCharCode(65 + index),
      title: heading.title,
      headingText: plainText(chunk.heading.inline ?? ''),
      words: words(heading.title),
      role,
      fields,
      subsectionKind: subsections[0]?.kind,
      subsections,
      subsectionFields,
      columns,
      checklist,
      ...(role === 'risks' && severities.length ? { severities } : {}),
      ...(role === 'risks' ? { asksMitigation: MITIGATION_ASKED.test(lines.slice(chunk.startLine, chunk.endLine).join('\n')) } : {}),
      ...(role === 'mapping' ? { isMapping: [...words(heading.title), ...columns.flatMap((c) => c.words)].some((w) => w === 'mapping' || w === 'cardinality') } : {}),
      ...(role === 'mapping' && fixedRows.length && table!.rows!.length - 1 === fixedRows.length ? { fixedRows } : {}),
      skeleton: lines.slice(chunk.startLine, end).join('\n'),
    };
  });

  const placeholder = /\{[^{}]*\}\s*/.exec(title);
  const titleSuffix = placeholder ? title.slice(placeholder.index + placeholder[0].length).trim() : title;
  return { title, titleSuffix, sections, text };
}

/** A risks section that names a mitigation anywhere (`Risks + Mitigations`, `- Mitigation:`, a Mitigation column) asks for one per risk. */
const MITIGATION_ASKED = /mitigat|fall ?back|recovery/i;

function splitChoices(text: string): string[] {
  return splitOptions(text).map((s) => s.trim()).filter(Boolean);
}

function toTemplateFields(fields: ReturnType<typeof collectFields>): TemplateField[] {
  const out: TemplateField[] = [];
  for (const field of fields) {
    const series = trailingNumber(field.label);
    const label = series ? field.label.slice(0, series.start) : field.label;
    const key = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    if (out.some((f) => f.key === key)) continue;
    const value = plainText(field.value);
    out.push({
      key,
      label,
      words: words(label),
      bareWords: /\(/.test(label) ? words(replaceParenthesised(label, ' ')) : undefined,
      series: Boolean(series),
      choices: CHOICE_LIST.test(value) && !/[{}]/.test(value) ? splitChoices(value) : undefined,
      guidance: field.value,
    });
  }
  return out;
}

let defaultSchema: TemplateSchema | undefined;

/** The product's own template, parsed once. */
export function getDefaultSchema(): TemplateSchema {
  defaultSchema ??= buildSchema(DEFAULT_TEMPLATE_TEXT);
  return defaultSchema;
}
