import assert from 'node:assert/strict';
import { analyzePlan, disableEdits, fixAll, fixAllEdits, goNoGoEdit, inspectPlan, RULES, type Finding } from '../../../src/core';
import { applyEdits, GOOD_PLAN, gaps, lines, withSection } from './plan-text';

function only(text: string, ruleId: string): Finding[] {
  return analyzePlan(text).findings.filter((f) => f.ruleId === ruleId);
}

describe('rules', () => {
  it('has the public rule ids and default severities', () => {
    assert.deepEqual(
      RULES.map((r) => `${r.id}:${r.defaultSeverity}`),
      [
        'missing-section:error', 'duplicate-section:warning', 'section-order:info', 'empty-field:warning', 'unfilled-placeholder:warning',
        'unchosen-option:warning', 'invalid-choice:warning', 'linking-point-format:warning', 'mapping-table:error', 'phase-incomplete:warning',
        'wave-incomplete:warning', 'risk-without-mitigation:warning', 'secret-value:error', 'go-no-go-open:info',
        'open-review-finding:error', 'unknown-review-finding:warning', 'reference-not-found:warning', 'env-var-unknown:warning', 'env-var-unlisted:off',
      ],
    );
  });

  describe('missing-section', () => {
    it('reports an absent section on the title and inserts its skeleton in template order', () => {
      const plan = withSection(GOOD_PLAN, 'C', '');
      const [finding] = only(plan, 'missing-section');
      assert.equal(finding.range.start.line, 0);
      assert.match(finding.message, /C\) Linking Points/);
      const fixed = applyEdits(plan, finding.fixes![0].edits);
      assert.match(fixed, /## B\) Source Model[\s\S]*## C\) Linking Points \(Identity Graph\)\n- Link 1: \{external field\} -> \{internal entity \+ key\}[\s\S]*## D\)/);
      assert.equal(only(fixed, 'missing-section').length, 0);
    });
  });

  describe('duplicate-section and section-order', () => {
    it('flags the second copy of a section, pointing at the first', () => {
      const plan = `${GOOD_PLAN}\n\n## G) Risks + Mitigations\n- Risk 9: churn\n  - Mitigation: none needed`;
      const [finding] = only(plan, 'duplicate-section');
      assert.equal(finding.range.start.line, plan.split('\n').length - 3);
      assert.equal(finding.related![0].range.start.line, GOOD_PLAN.split('\n').indexOf('## G) Risks + Mitigations'));
    });

    it('does not call an appendix with a similar title a duplicate', () => {
      assert.deepEqual(gaps(`${GOOD_PLAN}\n\n## Appendix: risk register details\n- see sheet`), []);
    });

    it('reports a section placed out of template order', () => {
      const c = GOOD_PLAN.split('\n## ').find((s) => s.startsWith('C)'))!;
      const plan = withSection(GOOD_PLAN, 'C', '').replace('## I) Operational', `## ${c}\n## I) Operational`);
      assert.deepEqual(gaps(plan).filter((g) => g.endsWith('section-order')).length, 1);
    });
  });

  describe('empty-field', () => {
    it('flags a label with nothing under it, in any section', () => {
      assert.deepEqual(gaps(GOOD_PLAN.replace('- Tasks: cursor table migration.', '- Tasks:')), ['41 empty-field']);
    });
  });

  describe('unfilled-placeholder', () => {
    it('flags placeholders in prose but not in code or ${VAR}', () => {
      const plan = GOOD_PLAN.replace('- Q1: Do we sync archived issues? No, not in phase 1.', '- Q1: ask {owner} about `{id}` and ${TEAM}');
      assert.deepEqual(gaps(plan), ['60 unfilled-placeholder']);
    });

    it('offers each option of a choice placeholder', () => {
      const plan = GOOD_PLAN.replace('| 1:1 | DB |', '| {1:1/1:N} | DB |');
      const [finding] = only(plan, 'unfilled-placeholder');
      assert.deepEqual(finding.fixes!.map((f) => f.title), ['Use "1:1"', 'Use "1:N"', 'Use "N:1"', 'Use "N:M"']);
      assert.match(applyEdits(plan, finding.fixes![1].edits), /\| `partners` \| 1:N \| DB \|/);
    });
  });

  describe('unchosen-option', () => {
    const listed = GOOD_PLAN.replace('- Data pull mode: incremental', '- Data pull mode: incremental / snapshot / hybrid');
    it('flags the option list left as is, with one fix per option', () => {
      const [finding] = only(listed, 'unchosen-option');
      assert.deepEqual(finding.fixes!.map((f) => f.title), ['Choose "incremental"', 'Choose "snapshot"', 'Choose "hybrid"']);
      assert.match(applyEdits(listed, finding.fixes![2].edits), /- Data pull mode: hybrid\n/);
    });

    it('accepts a choice made below the list or in bold', () => {
      assert.deepEqual(gaps(listed.replace('/ hybrid', '/ hybrid\n  - Hybrid: backfill, then cursor')), []);
      assert.deepEqual(gaps(listed.replace('/ hybrid', '/ **hybrid**')), []);
    });
  });

  describe('invalid-choice', () => {
    for (const [value, ok] of [['1:N (account → contacts)', true], ['**N:1**', true], ['N:M', true], ['many', false], ['1:1 | DB + app', true], ['1:1 | DB unique index', true], ['1:1 | app logic', true], ['1:1 | spreadsheet', false]] as const) {
      it(`${ok ? 'accepts' : 'flags'} "${value}"`, () => {
        const plan = value.includes('|') ? GOOD_PLAN.replace('| 1:1 | DB |', `| ${value} |`) : GOOD_PLAN.replace('| 1:1 | DB |', `| ${value} | DB |`);
        assert.equal(only(plan, 'invalid-choice').length, ok ? 0 : 1);
      });
    }

    it('reads a choice followed by a colon and a note', () => {
      assert.deepEqual(gaps(GOOD_PLAN.replace('- Data pull mode: incremental', '- Data pull mode: hybrid: backfill then events')), []);
      assert.deepEqual(gaps(GOOD_PLAN.replace('- Data pull mode: incremental', '- Data pull mode: incremental / snapshot / hybrid\n  - incremental: poll contacts')), []);
    });

    it('checks the pull mode too, and offers the allowed values', () => {
      const [finding] = only(GOOD_PLAN.replace('- Data pull mode: incremental', '- Data pull mode: whenever'), 'invalid-choice');
      assert.deepEqual(finding.fixes!.map((f) => f.title), ['Use "incremental"', 'Use "snapshot"', 'Use "hybrid"']);
    });
  });

  describe('linking-point-format', () => {
    it('accepts ->, → and => and flags a link without an arrow', () => {
      const plan = withSection(GOOD_PLAN, 'C', lines('## C) Linking Points (Identity Graph)', '- Link 1: `a` → `b.id`', '- Link 2: `c` => `d.id`', '- Link 3: just the email'));
      assert.deepEqual(gaps(plan), ['17 linking-point-format']);
    });
  });

  describe('mapping-table', () => {
    it('flags a short row, an empty cell and a duplicate source + external ID', () => {
      const plan = GOOD_PLAN.replace(
        '| Assignee to staff | `linear_user` | `user.id` | `staff` | 1:1 | app |',
        '| Assignee to staff | `linear_user` | `user.id` | `staff` | 1:1 | app |\n| Short | x |\n| Empty | `linear_x` | | `staff` | 1:1 | app |\n| Again | `linear_user` | `user.id` | `staff` | 1:1 | app |',
      );
      const found = only(plan, 'mapping-table');
      assert.deepEqual(found.map((f) => f.range.start.line + 1), [23, 24, 25]);
      assert.match(found[1].message, /no External ID/);
      assert.equal(found[2].related![0].range.start.line + 1, 22);
    });

    it('flags a mapping section without a table and offers to insert one', () => {
      const plan = withSection(GOOD_PLAN, 'D', lines('## D) Mapping Rules + Cardinality', '- onConflict strategy: upsert', '- Required metadata per mapping: none'));
      const [finding] = only(plan, 'mapping-table');
      assert.match(applyEdits(plan, finding.fixes![0].edits), /## D\) Mapping Rules \+ Cardinality\n\n\| Mapping Purpose \| source \| External ID/);
    });
  });

  describe('phase-incomplete and wave-incomplete', () => {
    it('names what a phase lacks and adds stubs for it', () => {
      const plan = GOOD_PLAN.replace('- Validation tests: a re-run inserts nothing new.\n', '');
      const [finding] = only(plan, 'phase-incomplete');
      assert.match(finding.message, /Phase 2 has no Validation tests/);
      assert.match(applyEdits(plan, finding.fixes![0].edits), /- Deliverables: sync route and cursor table.\n- Validation tests:\n\n## F\)/);
    });

    it('requires an agent and tasks of a wave, not its dependencies', () => {
      assert.deepEqual(gaps(GOOD_PLAN.replace('- Blocks/unblocks: unblocks the sync route.\n', '')), []);
      assert.deepEqual(gaps(GOOD_PLAN.replace("- Agent: `schema-sync`\n", '')), ['39 wave-incomplete']);
    });
  });

  describe('risk-without-mitigation', () => {
    const risks = (...rows: string[]) => withSection(GOOD_PLAN, 'G', lines('## G) Risks + Mitigations', ...rows));
    it('reads nested, flat, inline, numbered and table risks', () => {
      assert.deepEqual(gaps(risks('- Risk 1: a', '  - Mitigation: b', '- Risk 2: c', '- Mitigation: d', '1. e — mitigated by f', '', '| Risk | Mitigation |', '|---|---|', '| g | h |')), []);
      assert.deepEqual(gaps(risks('- Risk 1: a', '- Risk 2:', '- Risk 3: b', '', '| Risk | Mitigation |', '|---|---|', '| g | |')), ['45 risk-without-mitigation', '46 empty-field', '47 risk-without-mitigation', '51 risk-without-mitigation']);
    });

    it('does not take "no mitigation yet" for a mitigation', () => {
      assert.deepEqual(gaps(risks('- Risk 1: vendor outage, no mitigation known yet', '- Risk 2: there is no fallback if tokens expire')), ['45 risk-without-mitigation', '46 risk-without-mitigation']);
    });

    it('adds a nested Mitigation stub', () => {
      const plan = risks('- Risk 1: a', '- Risk 2: b', '  - note');
      const found = only(plan, 'risk-without-mitigation');
      assert.match(applyEdits(plan, found[0].fixes![0].edits), /- Risk 1: a\n {2}- Mitigation: \n- Risk 2: b/);
      assert.match(applyEdits(plan, found[1].fixes![0].edits), /- Risk 2: b\n {2}- note\n {2}- Mitigation: \n/);
    });
  });

  describe('secret-value', () => {
    const fakeStripe = ['sk', 'live', 'Zq8Lm2Vx9Rt4Wp7Nc3Hb6Ydk'].join('_');
    const fakeToken = 'dG9rOmE3ZjQ5YzEyXzk4ZTFfNDRiMl9iY2ExXzAwZTM1ZjBhOTFjMjoxOjA';
    for (const [name, text] of [
      ['a Stripe key in prose', `- Secrets/env vars: ${fakeStripe}`],
      ['a high-entropy value assigned to *_TOKEN in code', `\`\`\`\nLINEAR_API_TOKEN=${fakeToken}\n\`\`\``],
      ['a private key with a body', `\`\`\`\n-----BEGIN PRIVATE KEY-----\n${'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7'.repeat(2)}\n-----END PRIVATE KEY-----\n\`\`\``],
      ['an assignment in braces', `- Secrets/env vars: {LINEAR_API_TOKEN=${fakeToken}}.`],
      ['a bold Stripe key', `- Secrets/env vars: **${fakeStripe}**`],
      ['a token in __bold__', `- Secrets/env vars: __ghp_${fakeToken.slice(0, 36)}__`],
      ['a bold value of *_TOKEN', `- LINEAR_API_TOKEN: **${fakeToken}**`],
      ['a Stripe key with escaped underscores', `- Secrets/env vars: ${fakeStripe.replaceAll('_', '\\_')}`],
    ]) {
      it(`flags ${name} once without echoing it`, () => {
        const found = only(`${GOOD_PLAN}\n${text}`, 'secret-value');
        assert.equal(found.length, 1);
        const [finding] = found;
        assert.ok(!finding.message.includes(fakeStripe) && !finding.message.includes(fakeToken) && !finding.message.includes('MIIE'));
      });
    }

    it('flags a private key once, from its header to its footer, and its fix takes the whole block', () => {
      const body = ['MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7', 'Zq8Lm2Vx9Rt4Wp7Nc3Hb6YdkZq8Lm2Vx9Rt4Wp7Nc3Hb6Ydk'];
      const plan = `${GOOD_PLAN}\n\`\`\`\n-----BEGIN RSA PRIVATE KEY-----\n${body.join('\n')}\n-----END RSA PRIVATE KEY-----\n\`\`\``;
      const found = only(plan, 'secret-value');
      assert.equal(found.length, 1);
      const { start, end } = found[0].range;
      assert.deepEqual([end.line - start.line, start.character, end.character], [3, 0, '-----END RSA PRIVATE KEY-----'.length]);
      assert.ok(applyEdits(plan, found[0].fixes![0].edits).endsWith('```\n<redacted>\n```'));
    });

    for (const text of [
      'LINEAR_API_TOKEN=<paste token here>',
      'STRIPE_KEY=${STRIPE_KEY}',
      'sk_live_...',
      'sk_live_xxx',
      'API_KEY=xxxxxxxxxxxxxxxxxxxx',
      'SECRET_KEY=your-key-here',
      '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----',
      'LINEAR_CLIENT_SECRET: set in Vercel',
      '{API_TOKEN}',
      'API_TOKEN=<your-token>',
      '{API_TOKEN=<your-token>}',
      '{API_TOKEN=xxxxxxxxxxxxxxxxxxxx}',
      'API_TOKEN={API_TOKEN}',
      'API_TOKEN: **your-token-here**',
      'API_TOKEN=****************',
      '**sk_live_xxxxxxxxxxxxxxxxxxxxxxxx**',
      'sk\\_live\\_xxxxxxxxxxxxxxxxxxxxxxxx',
      '__API_TOKEN__ is set in Vercel',
    ]) {
      it(`leaves the placeholder ${JSON.stringify(text)} alone`, () => {
        assert.equal(only(`${GOOD_PLAN}\n\`\`\`\n${text}\n\`\`\``, 'secret-value').length, 0);
      });
    }
  });

  describe('go-no-go-open', () => {
    it('reports each unchecked item as info and offers to check it', () => {
      const plan = GOOD_PLAN.replace('- [x] Auth and connection test pass', '- [ ] Auth and connection test pass');
      const [finding] = only(plan, 'go-no-go-open');
      assert.equal(finding.severity, 'info');
      assert.match(applyEdits(plan, finding.fixes![0].edits), /- \[x\] Auth and connection test pass/);
      assert.equal(analyzePlan(plan).progress!.goNoGo.verdict, 'NO-GO');
    });
  });
});

describe('edits for adapters', () => {
  it('fix-all takes each preferred fix once, never overlapping', () => {
    const plan = withSection(withSection(GOOD_PLAN, 'C', ''), 'J', '').replace('- Risk 1: rate limits during backfill.\n  - Mitigation: backoff and a resumable cursor.', '- Risk 1: rate limits\n- Risk 2: churn');
    const fixed = applyEdits(plan, fixAllEdits(analyzePlan(plan).findings));
    assert.deepEqual(gaps(fixed).filter((g) => /missing-section/.test(g)), []);
    assert.match(fixed, /- Risk 1: rate limits\n {2}- Mitigation: \n- Risk 2: churn\n {2}- Mitigation: \n/);
    // A stub is still empty: the risks stay flagged, by name, and Fix All has nothing more to add to them.
    const risks = analyzePlan(fixed).findings.filter((f) => f.ruleId === 'risk-without-mitigation');
    assert.deepEqual(risks.map((f) => f.message.replace(/\(\d+\)/, '(N)')), [
      'Risk 1 "rate limits" has an empty Mitigation line (N): write what you will do about it.',
      'Risk 2 "churn" has an empty Mitigation line (N): write what you will do about it.',
    ]);
    assert.deepEqual(risks.map((f) => f.fixes), [undefined, undefined]);
    assert.equal(applyEdits(fixed, fixAllEdits(analyzePlan(fixed).findings)).match(/Mitigation/g)?.length, fixed.match(/Mitigation/g)?.length);
  });

  it('fix-all says what kind its edits are and where the first blank lands once they are applied', () => {
    const plan = withSection(GOOD_PLAN, 'C', '').replace('- Risk 1: rate limits during backfill.\n  - Mitigation: backoff and a resumable cursor.', '- Risk 1: rate limits');
    const result = fixAll(analyzePlan(plan).findings);
    assert.deepEqual([result.inserted, result.chosen], [2, 0]);
    const fixed = applyEdits(plan, result.edits).split('\n');
    const at = result.firstBlank!;
    assert.match(fixed[at.line], /^- Link 1: \{external field\}/);
    assert.equal(at.character, '- Link 1: '.length);
    const stubOnly = fixAll(analyzePlan(GOOD_PLAN.replace('- Risk 1: rate limits during backfill.\n  - Mitigation: backoff and a resumable cursor.', '- Risk 1: rate limits')).findings);
    assert.equal(stubOnly.firstBlank!.character, '  - Mitigation: '.length);
    assert.equal(fixAll([]).firstBlank, undefined);
  });

  it('an empty Mitigation stub is no mitigation; one with words under it is', () => {
    const plan = (risk: string) => GOOD_PLAN.replace('- Risk 1: rate limits during backfill.\n  - Mitigation: backoff and a resumable cursor.', risk);
    assert.deepEqual(only(plan('- Risk 1: rate limits\n  - Mitigation:'), 'risk-without-mitigation').map((f) => f.range.start.line > 0), [true]);
    assert.deepEqual(only(plan('- Risk 1: rate limits\n  - **Mitigation:**\n    - backoff'), 'risk-without-mitigation'), []);
    assert.deepEqual(only(plan('- Risk 1: rate limits\n  - Mitigation: backoff'), 'risk-without-mitigation'), []);
    assert.match(only(plan('- Token expiry breaks the nightly sync for every tenant at once'), 'risk-without-mitigation')[0].message, /^"Token expiry breaks the nightly sync…" has no mitigation/);
  });

  it('disable comments silence exactly that finding', () => {
    for (const plan of [GOOD_PLAN.replace('- Tasks: cursor table migration.', '- Tasks:'), GOOD_PLAN.replace('| 1:1 | app |', '| many | app |')]) {
      const { report, plan: model } = inspectPlan(plan);
      const [finding] = report.findings;
      const edits = disableEdits(model, finding);
      assert.deepEqual(gaps(applyEdits(plan, [edits.line])), []);
      assert.deepEqual(gaps(applyEdits(plan, [edits.file])), []);
    }
  });

  it('go/no-go edit ticks the item only while the line still is that item', () => {
    const plan = GOOD_PLAN.replace('- [x] Auth and connection test pass', '- [ ] Auth and connection test pass');
    const { plan: model } = inspectPlan(plan);
    const line = plan.split('\n').indexOf('- [ ] Auth and connection test pass');
    assert.match(applyEdits(plan, [goNoGoEdit(model, line, true, 'Auth and connection test pass')!]), /- \[x\] Auth and connection test pass/);
    assert.equal(goNoGoEdit(model, line, true, 'Something else'), undefined);
    assert.equal(goNoGoEdit(model, line - 2, true), undefined);
  });
});
