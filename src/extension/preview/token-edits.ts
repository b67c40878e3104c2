import type MarkdownIt from 'markdown-it';

export type Token = MarkdownIt.Token;
export type TokenClass = typeof MarkdownIt.Token;

/**
 * Copy-on-write edits of a parsed token stream. VS Code caches a document's tokens and renders them again and
 * again, with whatever the Problems panel says at that time: the marks go on copies, never on the cached tokens.
 */
export class TokenEdits {
  private readonly copies = new Map<number, Token>();
  private readonly before = new Map<number, Token[]>();

  constructor(
    readonly tokens: readonly Token[],
    readonly Token: TokenClass,
  ) {}

  /** The token at `index`, copied once so that its attributes and inline children can change. */
  edit(index: number): Token {
    let copy = this.copies.get(index);
    if (!copy) {
      const original = this.tokens[index];
      copy = Object.assign(Object.create(Object.getPrototypeOf(original)) as Token, original);
      copy.attrs = original.attrs ? original.attrs.map(([name, value]) => [name, value] as [string, string]) : null;
      copy.children = original.children ? [...original.children] : null;
      this.copies.set(index, copy);
    }
    return copy;
  }

  /** The current inline children of the token at `index` (its copy's, once edited). */
  children(index: number): Token[] {
    return this.copies.get(index)?.children ?? this.tokens[index].children ?? [];
  }

  setChildren(index: number, children: Token[]): void {
    this.edit(index).children = children;
  }

  /** Adds one class to the token at `index`, once. */
  addClass(index: number, className: string): void {
    const token = this.edit(index);
    if (!String(token.attrGet('class') ?? '').split(' ').includes(className)) token.attrJoin('class', className);
  }

  insertBefore(index: number, ...tokens: Token[]): void {
    this.before.set(index, [...(this.before.get(index) ?? []), ...tokens]);
  }

  /** A new token; `meta` carries what its render rule needs (read back with `metaOf`). */
  make(type: string, tag: string, nesting: -1 | 0 | 1, fields: Omit<Partial<Token>, 'meta'> & { meta?: unknown } = {}): Token {
    return Object.assign(new this.Token(type, tag, nesting), fields);
  }

  /** The stream with every edit applied; the original stream when nothing changed. */
  result(): Token[] {
    if (!this.copies.size && !this.before.size) return [...this.tokens];
    return this.tokens.flatMap((token, i) => [...(this.before.get(i) ?? []), this.copies.get(i) ?? token]);
  }
}

export const metaOf = <T>(token: Token): T => token.meta as unknown as T;
