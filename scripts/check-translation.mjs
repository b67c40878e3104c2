// Checks a translation against the English: l10n/bundle.l10n.<lang>.json against l10n/bundle.l10n.json and
// package.nls.<lang>.json against package.nls.json. For every entry: the same keys, a non-empty string, and the
// untranslatable parts of the English kept: {0}/{name} placeholders (same set), markdown code spans, command links
// and ids, setting ids, rule ids, CLI options, file names and globs, URLs, $(codicon) references, identifiers with
// underscores, ASCII-quoted JSON keys and values, GO / NO-GO, bold markers and line breaks; for --help texts, the
// option column and line widths. A unit test runs it for every translation; `node scripts/check-translation.mjs de`
// lists the problems of one.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const message = (value) => (typeof value === 'string' ? value : value && typeof value.message === 'string' ? value.message : undefined);

/**
 * Code spans that name text the extension itself shows, so they are translated with it: the CodeLens examples of
 * the codeLens.enable setting (the lens reads `3/5 ausgefüllt · 1 Lücke` in German, so the English example would
 * describe a lens the user never sees). Everything else in backticks stays as it is.
 */
const LOCALIZED_CODE_SPANS = {
  de: { 'config.codeLens.enable.markdownDescription': { '`3/5 filled · 1 gap`': '`3/5 ausgefüllt · 1 Lücke`', '`complete`': '`vollständig`' } },
};
let language = '';

const RULE_IDS = [
  'missing-section', 'duplicate-section', 'section-order', 'empty-field', 'unfilled-placeholder', 'unchosen-option',
  'invalid-choice', 'linking-point-format', 'mapping-table', 'phase-incomplete', 'wave-incomplete',
  'risk-without-mitigation', 'secret-value', 'go-no-go-open', 'open-review-finding', 'unknown-review-finding',
];

/** Token kinds that must come through unchanged: name -> regex (global). Compared as multisets. */
const KEPT = {
  placeholder: /\{[A-Za-z0-9_]+\}/g,
  'code span': /`[^`\n]+`/g,
  'command link': /\(command:[^)\s]+\)/g,
  'setting link': /#[A-Za-z][\w.]*#/g,
  'setting or command id': /(?<![\w#.])(?:connectorPlan|workbench|editor|files)\.[A-Za-z][\w.]*[A-Za-z]/g,
  'rule id': new RegExp(`(?<![\\w-])(?:${RULE_IDS.join('|')})(?![\\w-])`, 'g'),
  'CLI option': /(?<![\w-])--[a-z][\w-]*/g,
  'short option': /(?<![\w-])-[hv](?=,)/g,
  'file name or glob': /[\w*<>{}\/.-]*\.(?:md|json|vsix)\b/g,
  URL: /\b[a-z][a-z0-9+.-]*:\/\/[^\s)"'`,;]+/g,
  codicon: /\$\([\w~-]+\)/g,
  identifier: /\$?\b[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+\b/g,
  'quoted JSON key or value': /"(?:[a-z][a-zA-Z-]*|<rule-id>|\.\.|\.|docs\/plans\/\*\*\/\*\.md|plans\/\*\*\/\*\.md|features\/\*\*\/\*\.md|templates\/[\w.-]+)"/g,
  verdict: /(?<![\w/-])(?:NO-GO|GO)(?![\w/])/g, // German compounds: NO-GO-Plan
  'bold marker': /\*\*/g,
  'HTML-like token': /<redacted>/g,
};

let problems = [];
const report = (file, key, text) => problems.push(`${file}: ${JSON.stringify(key.length > 90 ? `${key.slice(0, 87)}...` : key)}: ${text}`);

function tokens(text, regex) {
  return (text.match(regex) ?? []).sort();
}

function sameMultiset(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function diff(a, b) {
  const left = [...a];
  const extra = [];
  for (const x of b) {
    const i = left.indexOf(x);
    if (i >= 0) left.splice(i, 1);
    else extra.push(x);
  }
  return { missing: left, extra };
}

/** A --help text: option lines (`  --format <format>  text…`) with the text in a column. */
function isHelp(text) {
  return /\n {2}(?:-h, --help|--[a-z][\w-]*(?: <[\w-]+>)?) {2,}\S/.test(text) || /^ {2}--[a-z][\w-]* <[\w-]+> {2}/.test(text);
}

function checkHelp(file, key, en, de) {
  const optionLine = /^( {2}(?:-[a-z], )?--[a-z][\w-]*(?: <[\w-]+>)?)( +)(?!<)\S/; // an option alone on its line (`--changed-since <git-rev>`) is none
  const enOptions = en.split('\n').flatMap((line) => (optionLine.test(line) ? [line.match(optionLine)[1]] : []));
  const deLines = de.split('\n');
  const deOptions = deLines.flatMap((line) => (optionLine.test(line) ? [line.match(optionLine)[1]] : []));
  if (!sameMultiset([...enOptions].sort(), [...deOptions].sort())) report(file, key, `help option lines differ: English ${JSON.stringify(enOptions)}, German ${JSON.stringify(deOptions)}`);
  // Each option's text starts in the column the English puts it in.
  const columns = (text) => new Map(text.split('\n').flatMap((line) => { const m = line.match(optionLine); return m ? [[m[1], m[1].length + m[2].length]] : []; }));
  const deColumns = columns(de);
  const enColumns = columns(en);
  // Where the English itself is out of line (the `new` help: --template sticks out), one common column is right.
  const realigned = new Set(enColumns.values()).size > 1 && new Set(deColumns.values()).size === 1;
  for (const [option, col] of realigned ? [] : enColumns) {
    if (deColumns.has(option) && deColumns.get(option) !== col) report(file, key, `help: the text of ${option.trim()} starts in column ${deColumns.get(option) + 1}, the English in ${col + 1}`);
  }
  // Continuation lines (indented further, not an option) sit in the same column.
  let column;
  for (const line of deLines) {
    const m = line.match(optionLine);
    if (m) column = m[1].length + m[2].length;
    else if (column !== undefined && /^ {5,}\S/.test(line) && !/^ {2}\{/.test(line) && !/^ {6}"/.test(line)) {
      const indent = line.match(/^ */)[0].length;
      if (indent !== column && !/^ {5}\S/.test(line)) report(file, key, `help continuation line not aligned under column ${column + 1}: ${JSON.stringify(line)}`);
    } else if (!/^ /.test(line)) column = undefined;
  }
  const enMax = Math.max(...en.split('\n').map((l) => l.length));
  for (const line of deLines) {
    if (line.length > Math.max(80, enMax)) report(file, key, `help line longer than 80 characters (${line.length}): ${JSON.stringify(line)}`);
  }
  for (const fixed of ['{0}\n\n', '\n{1}\n']) if (en.includes(fixed) && !de.includes(fixed)) report(file, key, `help layout: ${JSON.stringify(fixed)} lost`);
}

function checkEntry(file, key, en, de) {
  if (typeof de !== 'string') return report(file, key, `value is ${de === undefined ? 'missing' : typeof de}, not a string`);
  if (!de.trim()) return report(file, key, 'empty value');
  let english = en;
  for (const [from, to] of Object.entries(LOCALIZED_CODE_SPANS[language]?.[key] ?? {})) {
    if (!english.includes(from)) report(file, key, `LOCALIZED_CODE_SPANS names ${from}, which the English no longer has`);
    if (!de.includes(to)) report(file, key, `expected the localized code span ${to}`);
    english = english.split(from).join(to);
  }
  for (const [kind, regex] of Object.entries(KEPT)) {
    const a = tokens(english, regex);
    const b = tokens(de, regex);
    if (kind === 'placeholder') {
      const setA = [...new Set(a)].sort();
      const setB = [...new Set(b)].sort();
      if (!sameMultiset(setA, setB)) report(file, key, `placeholders differ: English ${setA.join(' ') || '(none)'}, German ${setB.join(' ') || '(none)'}`);
      continue;
    }
    if (!sameMultiset(a, b)) {
      const { missing, extra } = diff(a, b);
      report(file, key, `${kind} changed:${missing.length ? ` lost ${JSON.stringify(missing)}` : ''}${extra.length ? ` added ${JSON.stringify(extra)}` : ''}`);
    }
  }
  const help = isHelp(en);
  if (help) checkHelp(file, key, en, de);
  else if (en.split('\n').length !== de.split('\n').length) report(file, key, `line breaks differ: English ${en.split('\n').length} lines, German ${de.split('\n').length}`);
  const lead = (s) => s.match(/^\s*/)[0];
  const trail = (s) => s.match(/\s*$/)[0];
  if (lead(en) !== lead(de)) report(file, key, `leading whitespace differs: ${JSON.stringify(lead(en))} vs ${JSON.stringify(lead(de))}`);
  if (trail(en) !== trail(de)) report(file, key, `trailing whitespace differs: ${JSON.stringify(trail(en))} vs ${JSON.stringify(trail(de))}`);
}

function checkFile(file, english, german) {
  for (const key of Object.keys(english)) {
    if (!(key in german)) report(file, key, 'key missing');
    else checkEntry(file, key, message(english[key]), german[key]);
  }
  for (const key of Object.keys(german)) if (!(key in english)) report(file, key, 'key not in the English source');
}


/** The languages the repository has a translation for (bundle or manifest file). */
export function translatedLanguages(root) {
  const languages = new Set();
  for (const dir of [join(root, 'l10n'), root]) {
    for (const name of readdirSafe(dir)) {
      const m = /^(?:bundle\.l10n|package\.nls)\.([a-z]{2,3}(?:-[a-z]+)?)\.json$/i.exec(name);
      if (m && m[1] !== 'qps-ploc') languages.add(m[1]);
    }
  }
  return [...languages].sort();
}

function readdirSafe(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Every problem of the translation to `lang`, one line each; empty when it is complete and keeps what it must. */
export function translationProblems(root, lang) {
  problems = [];
  language = lang;
  const read = (path) => (existsSync(join(root, path)) ? JSON.parse(readFileSync(join(root, path), 'utf8')) : undefined);
  for (const [english, translated] of [['l10n/bundle.l10n.json', `l10n/bundle.l10n.${lang}.json`], ['package.nls.json', `package.nls.${lang}.json`]]) {
    const german = read(translated);
    if (!german) problems.push(`${translated} is missing`);
    else checkFile(translated, read(english), german);
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const languages = process.argv.slice(2).length ? process.argv.slice(2) : translatedLanguages(root);
  let failed = false;
  for (const lang of languages) {
    const found = translationProblems(root, lang);
    if (found.length) console.error(`${found.join('\n')}\n\n${lang}: ${found.length} problem(s).`);
    else console.log(`${lang}: complete, nothing lost.`);
    failed ||= found.length > 0;
  }
  process.exit(failed ? 1 : 0);
}
