import assert from 'node:assert/strict';
import { analyzePlan, explainPlan, goNoGoChange, inspectPlan } from '../../../src/core';
import { REDACTED, redactStrings, secretRedactor } from '../../../src/core/redaction';
import { GOOD_PLAN, lines, withSection } from './plan-text';

const KEY = ['sk', 'live', 'Zq8Lm2Vx9Rt4Wp7Nc3Hb6Ykq'].join('_');
const TOKEN = 'hG7kLm2Pq9Rs4Tv8Wx3Yz6Nc1Bf5Fj0';

describe('redaction', () => {
  it("hides the lines' credentials in any text, in any letter case, with or without their markdown", () => {
    const redact = secretRedactor([`- Auth: \`${KEY}\``, `(STRIPE_TOKEN=${TOKEN})`]);
    assert.equal(redact(`Auth "${KEY}" is not one of a, b`), `Auth "${REDACTED}" is not one of a, b`);
    assert.equal(redact(`phase: ${KEY.toUpperCase()}`), `phase: ${REDACTED}`);
    // A message may quote the value without the `NAME=` and the parenthesis around it, in another letter case.
    assert.equal(redact(`a word: ${TOKEN.toLowerCase()} and ${TOKEN}.`), `a word: ${REDACTED} and ${REDACTED}.`);
  });

  it('hides credentials a text holds on its own, and leaves every other text as it is', () => {
    const redact = secretRedactor(['nothing here']);
    assert.equal(redact(`Data pull mode "${KEY}" is not one of incremental`), `Data pull mode "${REDACTED}" is not one of incremental`);
    assert.equal(redact(`API_TOKEN=${TOKEN}\nBearer ${TOKEN}x`), `API_TOKEN=${REDACTED}\nBearer ${REDACTED}`);
    const text = 'Linking point "a -> b" has no key: write it as `external field -> internal entity + key`.';
    assert.equal(redact(text), text);
  });

  it("walks plain data, copying only what changed, and leaves what a fix writes alone", () => {
    const redact = secretRedactor([KEY]);
    const clean = { message: 'fine', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };
    const finding = { message: `"${KEY}" is wrong`, fixes: [{ title: `Replace ${KEY}`, edits: [{ newText: `${KEY} stays` }] }], clean };
    const redacted = redactStrings(finding, redact);
    assert.deepEqual(redacted, { message: `"${REDACTED}" is wrong`, fixes: [{ title: `Replace ${REDACTED}`, edits: [{ newText: `${KEY} stays` }] }], clean });
    assert.equal(redacted.clean, clean);
    assert.equal(finding.message, `"${KEY}" is wrong`, 'the input is not changed');
    assert.equal(redactStrings(clean, redact), clean);
  });

  it('hides a credential the plan splits with emphasis, which only its rendered text shows', () => {
    const split = `${KEY.slice(0, 10)}**${KEY.slice(10)}**`;
    const text = GOOD_PLAN.replace('- Data pull mode: incremental', `- Data pull mode: ${split}`);
    assert.deepEqual(analyzePlan(text).findings.map((f) => f.message), [`Data pull mode "${REDACTED}" is not one of incremental, snapshot, hybrid: write one of those (a note in parentheses may follow).`]);
    assert.ok(!JSON.stringify(explainPlan(text)).includes(KEY.slice(10)));
  });

  it('keeps the report of a plan without credentials as the rules made it', () => {
    const { report } = inspectPlan(GOOD_PLAN.replace('- Data pull mode: incremental', '- Data pull mode: sometimes'));
    assert.deepEqual(report.findings.map((f) => f.message), ['Data pull mode "sometimes" is not one of incremental, snapshot, hybrid: write one of those (a note in parentheses may follow).']);
  });

  it('hides the item a refused go/no-go tick names', () => {
    const text = withSection(GOOD_PLAN, 'I', lines('## I) Operational Go/No-Go', '| Criterion | Owner | Status |', '|---|---|:---:|', '| Auth passes | Ana | Done |', '| Mappings | Raj | Yes |', `| Rotate ${KEY} | Ana | Pending |`));
    const { plan } = inspectPlan(text);
    const row = text.split('\n').findIndex((line) => line.startsWith('| Rotate'));
    const unclear = goNoGoChange(plan, row, true);
    assert.ok('message' in unclear && unclear.message.startsWith(`the status column of "Rotate ${REDACTED}" uses "Done", "Yes", "Pending"`), JSON.stringify(unclear));
    const stale = goNoGoChange(plan, 0, true, `Rotate ${KEY}`);
    assert.ok('message' in stale && stale.message === `line 1 is no longer the go/no-go item "Rotate ${REDACTED}"`, JSON.stringify(stale));
  });

  it('stays linear however many pasted keys share a prefix', () => {
    const keys = Array.from({ length: 10000 }, (_, i) => `sk_live_${'Q'.repeat(24)}${i.toString(36).padStart(6, 'k')}`);
    const redact = secretRedactor(keys.map((key) => `- [ ] rotate ${key}`));
    const start = Date.now();
    for (const key of keys) assert.equal(redact(`Go/no-go item not checked yet: "rotate ${key}"`), `Go/no-go item not checked yet: "rotate ${REDACTED}"`);
    // About 100 ms; comparing each quote with every key that shares its prefix takes half a minute.
    assert.ok(Date.now() - start < 2000, `${Date.now() - start} ms`);
  });
});
