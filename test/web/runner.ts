// A small mocha-like BDD runner for the web worker extension host, where mocha's Node and browser builds do not
// run (no `process`, no DOM). It offers what the integration tests use: describe, it, before/after(Each), async
// tests, per-test timeouts, and mocha's spec-style lines, which the harness reads.

type Fn = (this: Context) => unknown;
interface Context {
  timeout(ms: number): void;
}
interface Suite {
  title: string;
  suites: Suite[];
  tests: { title: string; fn: Fn }[];
  before: Fn[];
  after: Fn[];
  beforeEach: Fn[];
  afterEach: Fn[];
  parent?: Suite;
}

const root: Suite = { title: '', suites: [], tests: [], before: [], after: [], beforeEach: [], afterEach: [] };
let current = root;
const DEFAULT_TIMEOUT = 20_000;

export function install(target: Record<string, unknown>): void {
  target.describe = (title: string, body: () => void) => {
    const suite: Suite = { title, suites: [], tests: [], before: [], after: [], beforeEach: [], afterEach: [], parent: current };
    current.suites.push(suite);
    const outer = current;
    current = suite;
    try {
      body();
    } finally {
      current = outer;
    }
  };
  target.it = (title: string, fn: Fn) => current.tests.push({ title, fn });
  target.before = (fn: Fn) => current.before.push(fn);
  target.after = (fn: Fn) => current.after.push(fn);
  target.beforeEach = (fn: Fn) => current.beforeEach.push(fn);
  target.afterEach = (fn: Fn) => current.afterEach.push(fn);
}

async function call(fn: Fn, what: string): Promise<void> {
  let limit = DEFAULT_TIMEOUT;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const context: Context = { timeout: (ms) => void (limit = ms) };
  const run = Promise.resolve().then(() => fn.call(context));
  try {
    await Promise.race([run, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`Timeout of ${limit}ms exceeded in ${what}`)), limit)))]);
  } finally {
    clearTimeout(timer);
  }
}

function hooksOf(suite: Suite, kind: 'beforeEach' | 'afterEach'): Fn[] {
  const chain: Suite[] = [];
  for (let s: Suite | undefined = suite; s; s = s.parent) chain.unshift(s);
  const hooks = chain.flatMap((s) => s[kind]);
  return kind === 'afterEach' ? hooks.reverse() : hooks;
}

export async function runAll(log: (line: string) => void): Promise<{ passed: number; failed: number }> {
  let passed = 0;
  let failed = 0;
  const failures: string[] = [];
  const runSuite = async (suite: Suite, depth: number) => {
    const indent = '  '.repeat(depth);
    if (suite.title) log(`${indent}${suite.title}`);
    try {
      for (const hook of suite.before) await call(hook, `"before all" hook of ${suite.title}`);
    } catch (error) {
      failed++;
      failures.push(`${suite.title} "before all" hook: ${describe(error)}`);
      log(`${indent}  ${failed}) "before all" hook`);
      return;
    }
    for (const test of suite.tests) {
      const started = Date.now();
      try {
        for (const hook of hooksOf(suite, 'beforeEach')) await call(hook, `"before each" hook for "${test.title}"`);
        await call(test.fn, `"${test.title}"`);
        for (const hook of hooksOf(suite, 'afterEach')) await call(hook, `"after each" hook for "${test.title}"`);
        passed++;
        log(`${indent}  ✔ ${test.title} (${Date.now() - started}ms)`);
      } catch (error) {
        failed++;
        failures.push(`${suite.title} ${test.title}: ${describe(error)}`);
        log(`${indent}  ${failed}) ${test.title}`);
      }
    }
    for (const child of suite.suites) await runSuite(child, depth + 1);
    for (const hook of suite.after) await call(hook, `"after all" hook of ${suite.title}`).catch((error) => {
      failed++;
      failures.push(`${suite.title} "after all" hook: ${describe(error)}`);
    });
  };
  await runSuite(root, 0);
  log(`  ${passed} passing`);
  if (failed) {
    log(`  ${failed} failing`);
    failures.forEach((failure, i) => log(`  ${i + 1}) ${failure}`));
  }
  return { passed, failed };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
}
