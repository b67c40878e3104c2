import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { analyzePlan } from '../../../src/core';
import { extendMarkdownIt } from '../../../src/extension/preview';
import { GOOD_PLAN, lines } from '../core/plan-text';
import { REPO_ROOT } from '../core/repo-paths';

const render = (text: string) => extendMarkdownIt(new MarkdownIt({ html: true })).render(text);
const plainRender = (text: string) => new MarkdownIt({ html: true }).render(text);
const placeholder = (text: string) => `<span class="connector-plan-placeholder" title="Template placeholder: replace it">${text}</span>`;

describe('preview plugin', () => {
  const plan = GOOD_PLAN.replace('- [x] Auth and connection test pass', '- [ ] Auth and connection test pass')
    .replace('- Tasks: cursor table migration.', '- Tasks:')
    .replace('- Link 2: `assignee.email` -> `staff.email`', '- Link 2: {external field} -> `staff.email`')
    .replace('| `linear_user` |', '| {source_b} |');

  it('puts the progress and go/no-go summary with its reasons on top of a plan', () => {
    const html = render(plan);
    const { progress } = analyzePlan(plan);
    assert.ok(html.startsWith('<div class="connector-plan-summary connector-plan-nogo"'), html.slice(0, 200));
    const text = html.slice(0, html.indexOf('</div>')).replace(/<[^>]+>/g, '');
    assert.equal(progress!.goNoGo.checked, 1);
    assert.match(text, new RegExp(`^${progress!.percent}% complete · NO-GO 1/2`));
    assert.match(text, /1 of 2 go\/no-go items unchecked/);
    assert.match(text, /Gaps: 3 warnings, 1 info/);
  });

  it('says GO for a finished plan', () => {
    assert.match(render(GOOD_PLAN), /^<div class="connector-plan-summary connector-plan-go"[^>]*><p class="connector-plan-summary-line"><strong>100% complete<\/strong> · <span class="connector-plan-verdict">GO<\/span> 2\/2<\/p><\/div>/);
  });

  it('wraps placeholders in prose and in mapping cells, not in code', () => {
    const html = render(plan.replace('- Q1: Do we sync archived issues? No, not in phase 1.', '- Q1: ask `{owner}` about it'));
    assert.ok(html.includes(`<li>Link 2: ${placeholder('{external field}')} -&gt; <code>staff.email</code></li>`));
    assert.ok(html.includes(`<td>${placeholder('{source_b}')}</td>`));
    assert.ok(html.includes('<code>{owner}</code>'));
    assert.equal(html.split('connector-plan-placeholder').length - 1, 2);
  });

  it('marks the list item of an empty field, with the finding as its tooltip', () => {
    assert.match(render(plan), /<li class="connector-plan-empty" title="&quot;Tasks&quot; is empty: [^"]*">Tasks:<\/li>/);
  });

  it('marks an option list left as is', () => {
    const html = render(GOOD_PLAN.replace('- Data pull mode: incremental', '- Data pull mode: incremental / snapshot / hybrid'));
    assert.match(html, /<li class="connector-plan-unchosen" title="[^"]*">Data pull mode: incremental \/ snapshot \/ hybrid<\/li>/);
  });

  it('marks every blank of the bare template', () => {
    const template = fs.readFileSync(path.join(REPO_ROOT, 'src/core/template/connector-rollout-plan.md'), 'utf8');
    const html = render(template);
    assert.ok(html.includes(`<h1>${placeholder('{ConnectorName}')} Connector Rollout Plan</h1>`));
    assert.equal(html.split('<li class="connector-plan-empty"').length - 1, analyzePlan(template).findings.filter((f) => f.ruleId === 'empty-field').length);
  });

  it('renders markdown that is not a plan exactly as markdown-it does', () => {
    const notes = lines('# Team notes', '', '- Owner: {someone}', '- Empty:', '', '| a | b |', '|---|---|', '| {x} | |');
    assert.equal(render(notes), plainRender(notes));
    const quoted = lines('# Notes', '', '```md', GOOD_PLAN, '```');
    assert.equal(render(quoted), plainRender(quoted));
  });

  it('keeps one markdown-it instance stateless between documents, and leaves renderInline alone', () => {
    const md = extendMarkdownIt(new MarkdownIt());
    assert.match(md.render(plan), /connector-plan-summary/);
    assert.equal(md.render('# Just a title'), '<h1>Just a title</h1>\n');
    assert.equal(md.renderInline('{x} Rollout Plan'), '{x} Rollout Plan');
  });
});
