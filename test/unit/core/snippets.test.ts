import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePlan, getDefaultSchema, planSnippet, scaffoldPlan, snippetParts, snippetsFileText } from '../../../src/core';
import { acceptedValues } from '../../../src/core/plan/choices';
import { buildSchema } from '../../../src/core/template/schema';
import { REPO_ROOT } from './repo-paths';

interface Stop {
  index: number;
  line: number;
  kind: 'empty' | 'placeholder' | 'choice';
  text: string;
  choices?: string[];
}

interface Expansion {
  text: string;
  stops: Stop[];
}

/**
 * Expands VS Code snippet syntax the way the editor does for what these snippets use (`$1`, `${1:text}`,
 * `${1|a,b|}`, `\$ \} \\`), and fails on anything unescaped that the editor would read differently.
 */
function expand(snippet: string, fill: { placeholder?: (text: string) => string; choice?: (choices: string[]) => string } = {}): Expansion {
  const stops: Stop[] = [];
  let text = '';
  let i = 0;
  const line = () => text.split('\n').length - 1;
  const readUntil = (end: RegExp, escapable: string): string => {
    let out = '';
    while (i < snippet.length && !end.test(snippet[i])) {
      if (snippet[i] === '\\' && escapable.includes(snippet[i + 1])) {
        out += snippet[i + 1];
        i += 2;
      } else out += snippet[i++];
    }
    return out;
  };
  while (i < snippet.length) {
    const c = snippet[i];
    if (c === '\\' && '$}\\'.includes(snippet[i + 1])) {
      text += snippet[i + 1];
      i += 2;
    } else if (c === '$') {
      const simple = /^\$(\d+)/.exec(snippet.slice(i));
      const braced = /^\$\{(\d+)([:|])?/.exec(snippet.slice(i));
      if (simple) {
        stops.push({ index: Number(simple[1]), line: line(), kind: 'empty', text: '' });
        i += simple[0].length;
      } else if (braced?.[2] === ':') {
        i += braced[0].length;
        const value = readUntil(/\}/, '$}\\');
        assert.equal(snippet[i++], '}', `unterminated placeholder at ${i}`);
        stops.push({ index: Number(braced[1]), line: line(), kind: 'placeholder', text: value });
        text += fill.placeholder ? fill.placeholder(value) : value;
      } else if (braced?.[2] === '|') {
        i += braced[0].length;
        const choices: string[] = [];
        for (;;) {
          choices.push(readUntil(/[,|]/, ',|\\'));
          if (snippet[i++] === '|') break;
        }
        assert.equal(snippet[i++], '}', `unterminated choice at ${i}`);
        stops.push({ index: Number(braced[1]), line: line(), kind: 'choice', text: choices[0], choices });
        text += fill.choice ? fill.choice(choices) : choices[0];
      } else {
        assert.fail(`unescaped $ at ${i}: ${JSON.stringify(snippet.slice(i, i + 20))}`);
      }
    } else if (c === '}') {
      assert.fail(`unescaped } at ${i}: ${JSON.stringify(snippet.slice(Math.max(0, i - 20), i + 1))}`);
    } else {
      text += c;
      i++;
    }
  }
  return { text, stops };
}

/** Lines compared without trailing spaces: an empty field's tab stop follows `Label: `. */
const normalise = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n');

/** What the editor leaves when the user tabs or escapes past every tab stop: each default as it is. */
const asLeft = (snippet: string) => expand(snippet).text;

/** Filled in as a user would: each blank typed over, each choice picked (the first accepted value). */
const asFilled = (snippet: string, placeholder: (text: string) => string) => expand(snippet, { placeholder, choice: (c) => c[1] }).text.replace(/: $/gm, ': done');

const schema = getDefaultSchema();

describe('plan snippet', () => {
  it('is the template with tab stops: left at its defaults, it is the template text, blanks and all', () => {
    assert.equal(normalise(asLeft(planSnippet())), normalise(schema.text));
    assert.equal(normalise(asLeft(planSnippet('HubSpot'))), normalise(scaffoldPlan('HubSpot')));
  });

  it('left at its defaults, checks exactly like the plan `connector-plan new` writes: 0%, every blank flagged', () => {
    const left = analyzePlan(asLeft(planSnippet('HubSpot')));
    const scaffolded = analyzePlan(scaffoldPlan('HubSpot'));
    assert.deepEqual(left.findings.map((f) => `${f.range.start.line} ${f.ruleId}`), scaffolded.findings.map((f) => `${f.range.start.line} ${f.ruleId}`));
    assert.equal(left.progress?.percent, 0);
    assert.deepEqual(left.progress, scaffolded.progress);
    for (const ruleId of ['empty-field', 'unfilled-placeholder', 'unchosen-option']) assert.ok(left.findings.some((f) => f.ruleId === ruleId), `no ${ruleId}`);
  });

  it('numbers its tab stops 1, 2, 3… in reading order and ends with $0 after the last line', () => {
    const snippet = planSnippet();
    const { stops } = expand(snippet);
    const numbered = stops.filter((s) => s.index > 0).map((s) => s.index);
    assert.deepEqual(numbered, numbered.map((_, i) => i + 1));
    assert.ok(numbered.length > 50, `only ${numbered.length} tab stops`);
    assert.equal(stops.filter((s) => s.index === 0).length, 1);
    assert.ok(snippet.endsWith('\n$0'));
  });

  it('fills in the connector name, so the first tab stop is the first blank field', () => {
    const lines = planSnippet('HubSpot').split('\n');
    assert.equal(lines[0], '# HubSpot Connector Rollout Plan');
    assert.equal(lines.find((l) => l.includes('$1')), `- ${schema.sections[0].fields[0].label}: $1`);
  });

  it('makes the connector name the first tab stop when none is given', () => {
    assert.equal(planSnippet().split('\n')[0], '# ${1:{ConnectorName\\}} Connector Rollout Plan');
    assert.equal(planSnippet('   ').split('\n')[0], '# ${1:{ConnectorName\\}} Connector Rollout Plan');
  });

  it('puts a tab stop after every empty field label, and turns placeholders into tab stops with their text', () => {
    const lines = planSnippet('HubSpot').split('\n');
    assert.match(lines.find((l) => l.startsWith('- Authentication model:'))!, /^- Authentication model: \$\d+$/);
    assert.match(lines.find((l) => l.startsWith('- Link 1:'))!, /^- Link 1: \$\{(\d+):\{external field\\\}\} -> \$\{\d+:\{internal entity \+ key\\\}\}$/);
    assert.match(lines.find((l) => l.startsWith('- Secrets/env vars'))!, /^- Secrets\/env vars \(`\.env\.local` \+ deployment\): \$\d+$/);
    const { stops } = expand(planSnippet('HubSpot'));
    const emptyFields = schema.sections.flatMap((s) => [...s.fields, ...s.subsectionFields]).filter((f) => !f.guidance);
    assert.ok(stops.filter((s) => s.kind === 'empty').length >= emptyFields.length);
  });

  it("offers every value the checker accepts as choice tab stops, after the template's unchosen text", () => {
    const snippet = planSnippet('HubSpot');
    assert.match(snippet, /^- Data pull mode: \$\{\d+\|incremental \/ snapshot \/ hybrid,incremental,snapshot,hybrid\|\}$/m);
    const rows = snippet.split('\n').filter((l) => l.startsWith('| Primary') || l.startsWith('| Secondary') || l.startsWith('| Tertiary'));
    assert.equal(rows.length, 3);
    for (const row of rows) assert.match(row, /\| \$\{\d+\|\{1:1\/1:N\},1:1,1:N,N:1,N:M\|\} \| \$\{\d+\|\{DB\/app\},DB,app,DB \+ app\|\} \|$/);
    const choices = expand(snippet).stops.filter((s) => s.kind === 'choice').map((s) => s.choices!.join(','));
    assert.deepEqual([...new Set(choices)], ['incremental / snapshot / hybrid,incremental,snapshot,hybrid', '{1:1/1:N},1:1,1:N,N:1,N:M', '{DB/app},DB,app,DB + app']);
  });

  it('escapes $, } and \\ in the connector name', () => {
    const snippet = planSnippet('Acme $HOME {x} \\ Co');
    assert.equal(snippet.split('\n')[0], '# Acme \\$HOME {x\\} \\\\ Co Connector Rollout Plan');
    assert.equal(expand(snippet).text.split('\n')[0], '# Acme $HOME {x} \\ Co Connector Rollout Plan');
  });

  it('with every choice picked, is a plan with the name, every section and no choice left', () => {
    const report = analyzePlan(asFilled(planSnippet('HubSpot'), (t) => t));
    assert.equal(report.isPlan, true);
    assert.equal(report.connectorName, 'HubSpot');
    const ruleIds = new Set(report.findings.map((f) => f.ruleId));
    for (const ruleId of ['missing-section', 'section-order', 'unchosen-option', 'invalid-choice', 'mapping-table']) assert.ok(!ruleIds.has(ruleId), `${ruleId} reported`);
  });

  it('follows the template it is given: an extra section gets its tab stops', () => {
    const custom = buildSchema(`${schema.text}\n## K) Rollback\n- Rollback owner:\n- Trigger: manual / automatic\n`);
    const snippet = planSnippet('Acme', custom);
    assert.match(snippet, /\n## K\) Rollback\n- Rollback owner: \$\d+\n- Trigger: \$\{\d+\|manual \/ automatic,manual,automatic,manual \+ automatic\|\}\n\$0$/);
    assert.equal(snippetParts(custom)['Connector Rollout Plan: K) Rollback'].prefix, 'cp-section-k');
  });
});

describe('snippet parts', () => {
  const parts = snippetParts();
  const byPrefix = new Map(Object.values(parts).map((p) => [p.prefix, p]));

  it('offers the whole plan, each section and each repeatable part, with distinct prefixes', () => {
    assert.equal(byPrefix.size, Object.keys(parts).length, 'two snippets share a prefix');
    assert.deepEqual(
      [...byPrefix.keys()],
      ['connector-plan', ...schema.sections.map((s) => `cp-section-${s.id.toLowerCase()}`), 'cp-link', 'cp-mapping-row', 'cp-phase', 'cp-wave', 'cp-risk', 'cp-go-no-go', 'cp-question'],
    );
    for (const part of Object.values(parts)) assert.ok(part.description.length > 10, `${part.prefix} has no description`);
  });

  it('the whole plan is the plan snippet', () => {
    assert.equal(byPrefix.get('connector-plan')!.body.join('\n'), planSnippet());
  });

  it('each part is valid snippet syntax, numbered from 1, ending with $0', () => {
    for (const part of Object.values(parts)) {
      const { stops } = expand(part.body.join('\n'));
      const numbered = stops.filter((s) => s.index > 0).map((s) => s.index);
      assert.deepEqual(numbered, numbered.map((_, i) => i + 1), part.prefix);
      assert.equal(part.body[part.body.length - 1], '$0', part.prefix);
    }
  });

  it('a section snippet is that section of the template', () => {
    for (const section of schema.sections) {
      const part = byPrefix.get(`cp-section-${section.id.toLowerCase()}`)!;
      assert.equal(normalise(asLeft(part.body.join('\n'))), normalise(`${section.skeleton}\n`), section.id);
    }
  });

  it('a linking point, a risk with its mitigation and an open question are numbered after the template ones', () => {
    assert.deepEqual(byPrefix.get('cp-link')!.body, ['- Link ${1:4}: ${2:{external field\\}} -> ${3:{internal entity + key\\}}', '$0']);
    assert.deepEqual(byPrefix.get('cp-risk')!.body, ['- Risk ${1:4}: $2', '  - Mitigation: $3', '$0']);
    assert.deepEqual(byPrefix.get('cp-question')!.body, ['- Q${1:4}: $2', '$0']);
  });

  it('a mapping row has a tab stop per column, choice lists where the template has them', () => {
    const { stops } = expand(byPrefix.get('cp-mapping-row')!.body[0]);
    const columns = schema.sections.find((s) => s.role === 'mapping')!.columns;
    assert.equal(stops.length, columns.length);
    assert.deepEqual(stops.map((s) => s.choices?.slice(1) ?? null), columns.map((c) => (c.choices ? acceptedValues(c.choices) : null)));
    assert.equal(stops[0].text, `{${columns[0].title}}`);
  });

  it('a phase and a wave carry their template fields, with the number and the phase name as tab stops', () => {
    assert.deepEqual(byPrefix.get('cp-phase')!.body, ['### Phase ${1:5}: ${2:{Name\\}}', '- Scope: $3', '- Deliverables: $4', '- Validation tests: $5', '$0']);
    assert.deepEqual(byPrefix.get('cp-wave')!.body, ['### Wave ${1:4}', '- Agent: $2', '- Tasks: $3', '- Blocks/unblocks: $4', '$0']);
  });

  it('a go/no-go item is an unchecked task', () => {
    assert.match(byPrefix.get('cp-go-no-go')!.body[0], /^- \[ \] \$\{1:\{[^}]+\\\}\}$/);
  });

  it('each part left at its defaults adds gaps to a finished plan, on its own lines, and no progress', () => {
    let n = 0;
    const placeholder = (text: string) => `\`${text.replace(/\W+/g, '_')}_${++n}\``;
    const plan = asFilled(planSnippet('Acme'), placeholder).replace(/- \[ \]/g, '- [x]').replace(/^(- Risk \d+: done)$/gm, '$1\n  - Mitigation: done');
    const base = analyzePlan(plan);
    assert.deepEqual(base.findings.map((f) => f.ruleId), []);
    const places: Record<string, (part: string) => string> = {
      'cp-link': (part) => plan.replace('\n## D)', `\n${part}\n## D)`),
      'cp-risk': (part) => plan.replace('\n## H)', `\n${part}\n## H)`),
      'cp-phase': (part) => plan.replace('\n## F)', `\n${part}\n## F)`),
      'cp-wave': (part) => plan.replace('\n## G)', `\n${part}\n## G)`),
      'cp-question': (part) => plan.replace(/\n- Assumptions made:/, `\n${part.trimEnd()}\n- Assumptions made:`),
      'cp-go-no-go': (part) => plan.replace('\n## J)', `\n${part}\n## J)`),
      'cp-mapping-row': (part) => plan.replace(/(\| Tertiary [^\n]*\n)/, `$1${part.trimEnd()}\n`),
    };
    for (const [prefix, place] of Object.entries(places)) {
      const part = asLeft(byPrefix.get(prefix)!.body.join('\n'));
      const grown = place(part);
      assert.notEqual(grown, plan, `${prefix} was not placed`);
      const first = grown.split('\n').findIndex((line) => line.trimEnd() === part.split('\n')[0].trimEnd());
      assert.ok(first > 0, `${prefix} not found`);
      const lines = part.trimEnd().split('\n').length;
      const report = analyzePlan(grown);
      const onPart = report.findings.filter((f) => f.range.start.line >= first && f.range.start.line < first + lines + 1);
      assert.ok(onPart.length > 0, `${prefix} left at its defaults is not flagged:\n${part}\n${report.findings.map((f) => `${f.range.start.line} ${f.ruleId}`).join('\n')}`);
      assert.ok(report.progress!.percent <= base.progress!.percent, `${prefix} raised progress`);
    }
  });

  it('parts added to a filled-in plan leave no new gaps once their blanks are filled', () => {
    let n = 0;
    const placeholder = (text: string) => `\`${text.replace(/\W+/g, '_')}_${++n}\``;
    const fill = (prefix: string) => asFilled(byPrefix.get(prefix)!.body.join('\n'), placeholder);
    const plan = asFilled(planSnippet('Acme'), placeholder);
    const grown = plan
      .replace('\n## D)', `\n${fill('cp-link')}\n## D)`)
      .replace('\n## H)', `\n${fill('cp-risk')}\n## H)`)
      .replace('\n## F)', `\n${fill('cp-phase')}\n## F)`)
      .replace(/(\| Tertiary [^\n]*\n)/, `$1${fill('cp-mapping-row').trimEnd()}\n`);
    const before = analyzePlan(plan).findings.filter((f) => f.ruleId !== 'go-no-go-open');
    const after = analyzePlan(grown).findings.filter((f) => f.ruleId !== 'go-no-go-open');
    assert.deepEqual(after.map((f) => `${f.ruleId}: ${f.message}`), before.map((f) => `${f.ruleId}: ${f.message}`));
  });
});

describe('snippets file', () => {
  it('snippets/connector-plan.code-snippets is what the template makes now', () => {
    const file = path.join(REPO_ROOT, 'snippets', 'connector-plan.code-snippets');
    assert.ok(fs.readFileSync(file, 'utf8') === snippetsFileText(), 'snippets/connector-plan.code-snippets is out of date: run `npm run generate` and commit it');
  });
});
