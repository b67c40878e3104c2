import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { severityWord, type TemplateDescription, type TemplateProblem } from '../../core';
import { usageLine } from '../command-line';
import { UsageError, oneOf, defineCommand, MAX_FILE_SIZE_HELP, TEXT_OR_JSON_OPTIONS } from '../command-line';
import { displayPath, printError } from '../context';
import { escapeControlCharacters, linePath } from '../formatters/terminal-text';
import { readTemplateFile } from '../templates';

const usage = 'connector-plan template <file> [--format text|json]';

const help = () =>
  l10n.t({
    message: `{0}

Shows how a template file is read, before plans are checked against it: the
title plans are known by, each section with its role (fields, links, mapping,
work, risks, checklist), its fields and their choices, its sub-sections
(phases, waves, stages…) and their fields, table columns with allowed values,
and the checklist. Then what is wrong with it: no title or no {placeholder}
in it, a section with nothing to fill, two sections with one letter.
A template file is never checked as a plan.

Options:
  --format <format>  text (default) or json
{1}
  -h, --help         show this help

Exit codes: 0 read (warnings may be listed), 1 the template has errors,
2 usage error, or a file that cannot be read or holds no sections.
`,
    args: [usageLine(usage), MAX_FILE_SIZE_HELP()],
    comment: ["The --help of a command: {0} is the Usage: line, {1} the --max-file-size option's lines. Keep options, examples and JSON as they are and columns aligned."],
  });

export const templateCommand = defineCommand({
  name: 'template',
  summary: () => l10n.t('show how a template file is read, and what is wrong with it'),
  usage,
  help,
  options: TEXT_OR_JSON_OPTIONS,
  async run({ values, positionals }, context) {
    const format = oneOf('--format', values.format, ['text', 'json'], usage);
    if (positionals.length !== 1) throw new UsageError(positionals.length ? l10n.t('template takes one file') : l10n.t('missing the template file'), usage);
    const absolute = path.resolve(context.cwd, positionals[0]);
    const shown = displayPath(context.cwd, absolute);
    const loaded = await readTemplateFile(absolute, context);
    if (!loaded.ok) {
      printError(context, l10n.t('cannot use the template {0}: {1}', shown, loaded.problem));
      return 2;
    }
    const { description, problems } = loaded.read;
    context.stdout.write(format === 'json' ? `${JSON.stringify({ path: shown, ...description, problems }, null, 2)}\n` : formatTemplateText(shown, description, problems));
    return problems.some((p) => p.severity === 'error') ? 1 : 0;
  },
});

function formatTemplateText(shown: string, d: TemplateDescription, problems: TemplateProblem[]): string {
  const titles = d.planTitles.map((t) => `"${t}"`).join(l10n.t({ message: ' or ', comment: ['Between the title endings a plan may have: "Rollout Plan" or "Plan".'] }));
  const out = [l10n.t('{0}: template "{1}"', linePath(shown), d.title), l10n.t('plans: titles with {0}, or {1} of its {2} sections', titles, d.minSections, d.sections.length), ''];
  for (const s of d.sections) {
    out.push(`${s.id}) ${s.title} — ${s.table === 'rows' ? l10n.t('table') : roleWord(s.role)}`);
    for (const f of s.fields) {
      const label = f.series ? l10n.t('{0} (numbered: 1, 2, 3…)', f.label) : f.label;
      out.push(`  ${f.choices ? l10n.t('field: {0} — one of {1}', label, f.choices.join(', ')) : l10n.t('field: {0}', label)}`);
    }
    if (s.subsections) {
      const { kind, count, fields } = s.subsections;
      out.push(`  ${fields.length ? l10n.t('{0}s ({1} in the template), each with: {2}', kind, count, fields.join(', ')) : l10n.t('{0}s ({1} in the template), each with: nothing', kind, count)}`);
    }
    if (s.columns) out.push(`  ${l10n.t('table columns: {0}', s.columns.map((c) => (c.choices ? `${c.title} (${c.choices.join(', ')})` : c.title)).join(' | '))}`);
    if (s.checklist) for (const item of s.checklist) out.push(`  ${l10n.t('checklist: [ ] {0}', item)}`);
    if (s.fixedRows) out.push(`  ${l10n.t('rows, each required: {0}', s.fixedRows.join(', '))}`);
    if (s.severities) out.push(`  ${s.mitigation === false ? l10n.t('risks by severity: {0} (a risk may carry its tag or not)', s.severities.map((t) => `[${t}]`).join(', ')) : l10n.t('risks by severity: {0} (a risk may carry its tag or not; each needs a mitigation)', s.severities.map((t) => `[${t}]`).join(', '))}`);
    else if (s.mitigation === false) out.push(`  ${l10n.t('risks: no mitigation asked for')}`);
  }
  out.push('');
  if (!problems.length) out.push(l10n.t('No problems found.'));
  for (const p of problems) out.push(p.line ? l10n.t('{0} (line {1}): {2}', severityWord(p.severity), p.line, p.message) : `${severityWord(p.severity)}: ${p.message}`);
  return `${out.map(escapeControlCharacters).join('\n')}\n`;
}

/** A section's role in words; the JSON keeps the keyword. */
function roleWord(role: TemplateDescription['sections'][number]['role']): string {
  // What the section holds, after its title.
  switch (role) {
    case 'links':
      return l10n.t('links');
    case 'mapping':
      return l10n.t('mapping');
    case 'work':
      return l10n.t('work');
    case 'risks':
      return l10n.t('risks');
    case 'checklist':
      return l10n.t('checklist');
    default:
      return l10n.t('fields');
  }
}
