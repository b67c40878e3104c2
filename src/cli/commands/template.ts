import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import type { TemplateDescription, TemplateProblem } from '../../core';
import type { Command } from '../command-line';
import { usageLine } from '../command-line';
import { UsageError, oneOf, parseOrHelp, TEXT_OR_JSON_OPTIONS } from '../command-line';
import type { CliContext } from '../context';
import { displayPath, printError } from '../context';
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
  -h, --help         show this help

Exit codes: 0 read (warnings may be listed), 1 the template has errors,
2 usage error, or a file that cannot be read or holds no sections.
`,
    args: [usageLine(usage)],
    comment: ['The --help of a command: {0} is the Usage: line. Keep options, examples and JSON as they are and columns aligned.'],
  });

export const templateCommand: Command = {
  name: 'template',
  summary: () => l10n.t('show how a template file is read, and what is wrong with it'),
  usage,
  help,
  async execute(args: string[], context: CliContext): Promise<number> {
    const parsed = parseOrHelp(args, TEXT_OR_JSON_OPTIONS, { usage, help }, context.stdout);
    if (!parsed) return 0;
    const { values, positionals } = parsed;
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
};

function formatTemplateText(shown: string, d: TemplateDescription, problems: TemplateProblem[]): string {
  const out = [`${shown}: template "${d.title}"`, `plans: titles with ${d.planTitles.map((t) => `"${t}"`).join(' or ')}, or ${d.minSections} of its ${d.sections.length} sections`, ''];
  for (const s of d.sections) {
    out.push(`${s.id}) ${s.title} — ${s.role}`);
    for (const f of s.fields) out.push(`  field: ${f.label}${f.series ? ' (numbered: 1, 2, 3…)' : ''}${f.choices ? ` — one of ${f.choices.join(', ')}` : ''}`);
    if (s.subsections) out.push(`  ${s.subsections.kind}s (${s.subsections.count} in the template), each with: ${s.subsections.fields.join(', ') || 'nothing'}`);
    if (s.columns) out.push(`  table columns: ${s.columns.map((c) => (c.choices ? `${c.title} (${c.choices.join(', ')})` : c.title)).join(' | ')}`);
    if (s.checklist) for (const item of s.checklist) out.push(`  checklist: [ ] ${item}`);
  }
  out.push('');
  if (!problems.length) out.push('No problems found.');
  for (const p of problems) out.push(`${p.severity}${p.line ? ` (line ${p.line})` : ''}: ${p.message}`);
  return `${out.join('\n')}\n`;
}
