// `node:assert/strict` as far as the integration tests use it, for the web worker extension host, where Node's
// module does not exist. esbuild aliases `node:assert/strict` to this file in the web test bundle.

export class AssertionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssertionError';
  }
}

type Message = string | Error | undefined;

function fail(message: Message, fallback: string): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback);
}

function show(value: unknown): string {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value, null, 1)?.slice(0, 2000) ?? String(value);
  } catch {
    return String(value);
  }
}

export function ok(value: unknown, message?: Message): asserts value {
  if (!value) fail(message, `Expected a truthy value, got ${show(value)}`);
}

export function equal<T>(actual: unknown, expected: T, message?: Message): asserts actual is T {
  if (!Object.is(actual, expected)) fail(message, `Expected values to be strictly equal:\n${show(actual)} !== ${show(expected)}`);
}

export function notEqual(actual: unknown, expected: unknown, message?: Message): void {
  if (Object.is(actual, expected)) fail(message, `Expected ${show(actual)} to differ`);
}

export function deepEqual<T>(actual: unknown, expected: T, message?: Message): asserts actual is T {
  if (!same(actual, expected)) fail(message, `Expected values to be strictly deep-equal:\nactual ${show(actual)}\nexpected ${show(expected)}`);
}

export function notDeepEqual(actual: unknown, expected: unknown, message?: Message): void {
  if (same(actual, expected)) fail(message, `Expected ${show(actual)} not to deep-equal it`);
}

export function match(text: string, pattern: RegExp, message?: Message): void {
  if (typeof text !== 'string' || !pattern.test(text)) fail(message, `The input did not match the regular expression ${pattern}. Input:\n\n${show(text)}\n`);
}

export function doesNotMatch(text: string, pattern: RegExp, message?: Message): void {
  if (typeof text !== 'string' || pattern.test(text)) fail(message, `The input was expected to not match the regular expression ${pattern}. Input:\n\n${show(text)}\n`);
}

/** Strict deep equality as Node's: same prototypes, own enumerable keys, Object.is on primitives; Maps, Sets, Dates and RegExps by content. */
function same(a: unknown, b: unknown, seen = new Map<object, object>()): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  if (a instanceof RegExp) return String(a) === String(b);
  if (a instanceof Map) return a.size === (b as Map<unknown, unknown>).size && [...a].every(([k, v]) => (b as Map<unknown, unknown>).has(k) && same(v, (b as Map<unknown, unknown>).get(k), seen));
  if (a instanceof Set) return a.size === (b as Set<unknown>).size && [...a].every((v) => (b as Set<unknown>).has(v));
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], seen));
}

const strict = { ok, equal, notEqual, deepEqual, notDeepEqual, match, doesNotMatch, AssertionError, strict: undefined as unknown };
strict.strict = strict;
export default strict;
export { strict };
