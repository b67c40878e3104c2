import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { REPO_ROOT } from '../core/repo-paths';

const read = (file: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));
// The extension's own (`vscode.l10n.t`) and the core's, the CLI's and the preview's (`l10n.t` of @vscode/l10n): one bundle.
const SOURCES = path.join(REPO_ROOT, 'src');

/** Every `vscode.l10n.t(...)` and `l10n.t(...)` call of src: its message, or where a message is not a plain string. */
function l10nCalls(): { messages: Set<string>; notLiteral: string[] } {
  const messages = new Set<string>();
  const notLiteral: string[] = [];
  const files = fs.readdirSync(SOURCES, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(path.join(SOURCES, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && /^(vscode\.)?l10n\.t$/.test(node.expression.getText(source))) {
        const [message] = node.arguments;
        const key = message && messageKey(message);
        if (key !== undefined) messages.add(key);
        else notLiteral.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { messages, notLiteral };
}

const isText = (node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral => ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);

/** The bundle key of a message: its text, or for `{ message, comment }` the text, a slash and the comments (as l10n-dev writes it). */
function messageKey(node: ts.Expression): string | undefined {
  if (isText(node)) return node.text;
  if (!ts.isObjectLiteralExpression(node)) return undefined;
  const property = (name: string) => node.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === name)?.initializer;
  const message = property('message');
  if (!message || !isText(message)) return undefined;
  const comment = property('comment');
  const comments = comment && ts.isArrayLiteralExpression(comment) ? comment.elements.filter(isText).map((c) => c.text) : [];
  return comments.length ? `${message.text}/${comments.join('')}` : message.text;
}

/** A bundle entry's text: a string, or the `message` of `{ message, comment }`. */
const textOf = (value: unknown): string => (typeof value === 'string' ? value : (value as { message: string }).message);

/** Letters a translation would change: the text without `{0}` placeholders and `$(icon)` names. */
const hasWords = (text: string) => /[a-z]/i.test(text.replace(/\{\w+\}|\$\([\w~-]+\)|command:[\w.?%-]+/g, ''));

describe('localization', () => {
  const bundle = read('l10n/bundle.l10n.json');

  it('passes every message to l10n.t as a plain string, which the bundle can list', () => {
    assert.deepEqual(l10nCalls().notLiteral, []);
  });

  it('has l10n/bundle.l10n.json listing exactly the messages of src (else run `npm run l10n`)', () => {
    const { messages } = l10nCalls();
    assert.ok(messages.size > 100, `only ${messages.size} messages found`);
    assert.deepEqual(Object.keys(bundle).sort(), [...messages].sort(), 'l10n/bundle.l10n.json is out of date: run `npm run l10n` and commit l10n/');
    for (const [key, value] of Object.entries(bundle)) assert.ok(key === textOf(value) || key.startsWith(`${textOf(value)}/`), key);
  });

  it('has pseudo-locale files for every message of the bundle and of package.nls.json (else run `npm run l10n`)', () => {
    for (const [english, pseudo] of [
      [bundle, read('l10n/bundle.l10n.qps-ploc.json')],
      [read('package.nls.json'), read('package.nls.qps-ploc.json')],
    ]) {
      assert.deepEqual(Object.keys(pseudo).sort(), Object.keys(english).sort(), 'a pseudo-locale file is out of date: run `npm run l10n`');
      for (const [key, value] of Object.entries(english)) {
        const text = textOf(value);
        if (hasWords(text)) assert.notEqual(textOf(pseudo[key]), text, `"${key}" is not pseudo-localized`);
      }
    }
  });

  it("names its bundle folder in package.json, whose strings are all in package.nls.json", () => {
    const manifest = read('package.json') as unknown as { l10n: string };
    assert.equal(manifest.l10n, './l10n');
    const nls = read('package.nls.json');
    const references = [...JSON.stringify(manifest).matchAll(/"%([^%"\s]+)%"/g)].map((m) => m[1]);
    assert.ok(references.length > 40, `only ${references.length} references`);
    assert.deepEqual(references.filter((key) => !(key in nls)), []);
    assert.deepEqual(Object.keys(nls).filter((key) => !references.includes(key)), [], 'package.nls.json has texts package.json never names');
  });
});
