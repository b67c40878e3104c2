import type { TemplateSchema } from '../plan/model';

/** How a template's title names its plans: `Connector Rollout Plan` -> `rollout plan`, `<name> connector plan`. */
export interface TitleWords {
  /** Where a plan title of this template names the template (the suffix's last two words, or something then its first and last word, ending the title): its index, else -1. */
  find(title: string): number;
  /** `find(title) >= 0`. */
  isPlanTitle(title: string): boolean;
  /** The cheap test's version: the suffix's other words then its last word, within a few lines (markup between them). */
  nearby: RegExp;
  /** Suffixes a title ends with (or starts with, before a colon), longest first, for reading the plan's name. */
  suffixes: string[];
  /** How many of the template's sections a file without such a title needs to be a plan. */
  minSections: number;
  /** A title of two words or more says it alone (`Rollout Plan`); one word (`Plan`) needs sections beside it. */
  strong: boolean;
}

const cache = new WeakMap<TemplateSchema, TitleWords>();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The words of the template's H1 after its placeholder (`{ConnectorName}`), read into patterns once per template. */
export function titleWords(schema: TemplateSchema): TitleWords {
  let found = cache.get(schema);
  if (!found) cache.set(schema, (found = compute(schema)));
  return found;
}

function compute(schema: TemplateSchema): TitleWords {
  const words = schema.titleSuffix.split(/\s+/).filter(Boolean);
  const minSections = Math.min(5, Math.max(2, Math.ceil(schema.sections.length * 0.6)));
  if (!words.length) return { find: () => -1, isPlanTitle: () => false, nearby: /$^/, suffixes: [], minSections, strong: false };
  const last = escape(words[words.length - 1]);
  const lastTwo = words.slice(-2).map(escape).join('\\s+');
  const alternatives = words.length > 1 ? [`\\b${lastTwo}\\b`] : [`\\S\\s+${last}\\b`];
  if (words.length > 2) alternatives.push(`\\S\\s+${escape(words[0])}\\s+${last}\\b`);
  const pattern = new RegExp(alternatives.join('|'), 'gi');
  // The parse and the check ask about one title several times: the last answer is kept (a title can be long).
  let asked: { title: string; at: number } | undefined;
  const find = (title: string) => {
    if (asked?.title === title) return asked.at;
    let at = -1;
    for (const match of title.matchAll(pattern)) {
      if (endsTitle(title.slice(match.index + match[0].length))) {
        at = match.index;
        break;
      }
    }
    asked = { title, at };
    return at;
  };
  const others = words.slice(0, -1).map(escape);
  const suffixes = [...new Set([schema.titleSuffix, words.slice(-2).join(' '), ...(words.length > 2 ? [`${words[0]} ${words[words.length - 1]}`] : [])])];
  return {
    find,
    isPlanTitle: (title) => find(title) >= 0,
    nearby: others.length ? new RegExp(`(?:${others.join('|')})[^]{0,400}?${last}`, 'i') : new RegExp(`\\b${last}\\b`, 'i'),
    suffixes,
    minSections,
    strong: words.length > 1,
  };
}

/** Marks a plan title may go on with (`— Final`, `: HubSpot`, `(v2)`, `| draft`). */
const GOES_ON = /^(?:[:—–|(\[,.;!?]|-\s|v?\d|(?:for|of)\s)/i;

/**
 * After the template's words the title ends, or goes on after a mark, a version or `for …`: `Q3 Migration Plan
 * Notes` and `Plan Review: Checkout` are not plan titles of `{Feature Name} Plan`.
 */
function endsTitle(rest: string): boolean {
  let i = 0;
  while (i < rest.length && (rest[i] === '*' || rest[i] === '_' || /\s/.test(rest[i]))) i++;
  return i === rest.length || GOES_ON.test(rest.slice(i));
}
