import MarkdownIt from 'markdown-it';

export type BlockType = 'heading' | 'paragraph' | 'list' | 'item' | 'table' | 'code' | 'html' | 'hr' | 'blockquote';

/** A block of the document with its 0-based line span [startLine, endLine). */
export interface Block {
  type: BlockType;
  startLine: number;
  endLine: number;
  /** Heading level (1–6). */
  level?: number;
  /** Raw inline source of a heading or paragraph (markdown-it's `content`). */
  inline?: string;
  /** List items of a list; blocks of an item or blockquote. */
  children: Block[];
  ordered?: boolean;
  /** Table rows (the header row first), each with its line. */
  rows?: TableRow[];
  /** Content of a code block or HTML block. */
  content?: string;
}

export interface TableRow {
  line: number;
  header: boolean;
  cells: string[];
}

const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
// The plan model reads each block's raw inline source (`content`), never inline tokens: skip building them.
md.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);

/** Leaves share one empty, frozen list of children: a big plan has tens of thousands of them. */
const LEAF: Block[] = Object.freeze([]) as unknown as Block[];

const CONTAINER: Record<string, BlockType> = {
  bullet_list_open: 'list',
  ordered_list_open: 'list',
  list_item_open: 'item',
  blockquote_open: 'blockquote',
};

/** Pieces are cut only once they hold this many characters: markdown-it's tokens of a piece die young. */
const PIECE_CHARS = 16 * 1024;

/**
 * Parses markdown into a tree of blocks with line spans; headings inside lists or quotes stay nested.
 *
 * A long document is parsed in pieces cut before a heading at the start of a line that follows a blank line: there
 * every block markdown knows has ended except a fenced code or HTML block (`<!--`, `<pre>`, …) left open, so the
 * pieces read as the whole would. A piece whose such block runs to its end is read again with the rest of the
 * document in one go (at most once), so a document is parsed at most twice. Pieces keep markdown-it's tokens few
 * and short-lived: the whole document's tokens alive at once cost more in garbage collection than the parse.
 * `pieceChars` is for tests.
 */
export function parseBlocks(text: string, pieceChars = PIECE_CHARS): Block[] {
  const root: Block = { type: 'blockquote', startLine: 0, endLine: 0, children: [] };
  if (text.length <= pieceChars) {
    readPiece(text, 0, Infinity, root);
    return root.children;
  }
  // markdown-it's own line breaks (\r\n and \r read as \n), so that lines here are its lines.
  const source = text.replace(/\r\n?/g, '\n');
  let start = 0; // offset of the piece's first line
  let startLine = 0;
  let line = 0;
  let blankBefore = false;
  for (let at = 0; at < source.length; ) {
    let end = source.indexOf('\n', at);
    if (end < 0) end = source.length;
    if (blankBefore && at - start >= pieceChars && isHeadingStart(source, at)) {
      const kept = root.children.length;
      if (readKeptPiece(source.slice(start, at), startLine, line - startLine, root)) {
        // A fence or HTML block left open: markdown-it reads it to its end marker or the document's end.
        root.children.length = kept;
        readPiece(source.slice(start), startLine, Infinity, root);
        return root.children;
      }
      start = at;
      startLine = line;
    }
    blankBefore = isBlank(source, at, end);
    at = end + 1;
    line++;
  }
  readKeptPiece(start === 0 ? source : source.slice(start), startLine, Infinity, root);
  return root.children;
}

/** A piece parsed before: its blocks, with the line it started at then, and whether a block ran to its end open. */
interface KeptPiece {
  /** The piece's text, a string of its own (see readKeptPiece). */
  text: string;
  lineCount: number;
  offset: number;
  blocks: Block[];
  open: boolean;
}

/**
 * The pieces of the documents parsed last, by text, the oldest first: a keystroke in a long plan changes one piece,
 * and the others are taken from here instead of parsed again (the same blocks when they start on the same line,
 * copies moved by the lines added or removed above them). Blocks are never changed once parsed, so sharing them
 * between the analyses of two versions is safe.
 */
const keptPieces = new Map<string, KeptPiece>();
/** The text kept at most, in characters: a few long plans' worth. A piece longer than that is not kept. */
const KEPT_CHARS = 2 * 1024 * 1024;
let keptChars = 0;

/** Drops the kept pieces: the next parse of any text parses all of it (benchmarks time a first check with it). */
export function forgetParsedPieces(): void {
  keptPieces.clear();
  keptChars = 0;
}

/** readPiece, or the blocks kept of the same text. */
function readKeptPiece(text: string, offset: number, lineCount: number, root: Block): boolean {
  const found = keptPieces.get(text);
  if (found) {
    keptPieces.delete(found.text);
    keptChars -= found.text.length;
  }
  const keep = text.length <= KEPT_CHARS;
  let piece: KeptPiece;
  if (found && found.lineCount === lineCount) {
    piece = found.offset === offset ? found : { ...found, offset, blocks: found.blocks.map((b) => moved(b, offset - found.offset)) };
  } else {
    // A piece is a slice of the document's text, and would keep all of it alive, through the key and every string of
    // its blocks, for as long as it is kept: what is kept is parsed from a copy of its own (each version typed over
    // would otherwise stay in memory whole).
    const own = keep ? text.split('\n').join('\n') : text;
    const holder: Block = { type: 'blockquote', startLine: 0, endLine: 0, children: [] };
    const open = readPiece(own, offset, lineCount, holder);
    piece = { text: own, lineCount, offset, blocks: holder.children, open };
  }
  for (const block of piece.blocks) root.children.push(block);
  if (keep) {
    // The oldest go first.
    for (const [oldest] of keptPieces) {
      if (keptChars + text.length <= KEPT_CHARS) break;
      keptPieces.delete(oldest);
      keptChars -= oldest.length;
    }
    keptPieces.set(piece.text, piece);
    keptChars += text.length;
  }
  return piece.open;
}

/** A copy of a block `by` lines further down (up, when negative), its children and rows too. */
function moved(block: Block, by: number): Block {
  const copy: Block = { ...block, startLine: block.startLine + by, endLine: block.endLine + by, children: block.children === LEAF ? LEAF : block.children.map((c) => moved(c, by)) };
  if (block.rows) copy.rows = block.rows.map((row) => ({ ...row, line: row.line + by }));
  return copy;
}

/** `#` to `######` at the line's first column, then a space, a tab or the line's end: an ATX heading. */
function isHeadingStart(source: string, at: number): boolean {
  let i = at;
  while (i < source.length && i - at < 7 && source.charCodeAt(i) === 0x23) i++;
  const hashes = i - at;
  if (hashes < 1 || hashes > 6) return false;
  const next = source.charCodeAt(i);
  return i >= source.length || next === 0x20 || next === 0x09 || next === 0x0a;
}

function isBlank(source: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = source.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}

/**
 * Reads markdown-it's tokens of `text` into blocks, their lines shifted by `offset`, appended to `root`. Returns
 * whether a fenced code or HTML block at the top level runs to the end of `text` unclosed (`lineCount` lines).
 */
function readPiece(text: string, offset: number, lineCount: number, root: Block): boolean {
  const tokens = md.parse(text, {});
  let open = false;
  const stack: Block[] = [root];
  let leaf: Block | undefined;
  let table: Block | undefined;
  let row: TableRow | undefined;
  let inHeader = false;

  for (const token of tokens) {
    const parent = stack[stack.length - 1];
    const map = token.map;
    switch (token.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
      case 'list_item_open':
      case 'blockquote_open': {
        const block: Block = { type: CONTAINER[token.type], startLine: offset + map![0], endLine: offset + map![1], children: [] };
        if (token.type === 'ordered_list_open') block.ordered = true;
        parent.children.push(block);
        stack.push(block);
        break;
      }
      case 'bullet_list_close':
      case 'ordered_list_close':
      case 'list_item_close':
      case 'blockquote_close':
        stack.pop();
        break;
      case 'heading_open':
        leaf = { type: 'heading', startLine: offset + map![0], endLine: offset + map![1], level: Number(token.tag.slice(1)), children: LEAF };
        parent.children.push(leaf);
        break;
      case 'paragraph_open':
        leaf = { type: 'paragraph', startLine: offset + map![0], endLine: offset + map![1], children: LEAF };
        parent.children.push(leaf);
        break;
      case 'heading_close':
      case 'paragraph_close':
        leaf = undefined;
        break;
      case 'inline':
        if (row) row.cells.push(token.content);
        else if (leaf) leaf.inline = token.content;
        break;
      case 'fence':
      case 'code_block':
        if (token.type === 'fence' && token.level === 0 && map![1] >= lineCount) open = true;
        parent.children.push({ type: 'code', startLine: offset + map![0], endLine: offset + map![1], children: LEAF, content: token.content });
        break;
      case 'html_block':
        if (token.level === 0 && map![1] >= lineCount) open = true;
        parent.children.push({ type: 'html', startLine: offset + map![0], endLine: offset + map![1], children: LEAF, content: token.content });
        break;
      case 'hr':
        parent.children.push({ type: 'hr', startLine: offset + map![0], endLine: offset + map![1], children: LEAF });
        break;
      case 'table_open':
        table = { type: 'table', startLine: offset + map![0], endLine: offset + map![1], children: LEAF, rows: [] };
        parent.children.push(table);
        break;
      case 'table_close':
        table = undefined;
        break;
      case 'thead_open':
        inHeader = true;
        break;
      case 'thead_close':
        inHeader = false;
        break;
      case 'tr_open':
        row = { line: offset + map![0], header: inHeader, cells: [] };
        table?.rows!.push(row);
        break;
      case 'tr_close':
        row = undefined;
        break;
      default:
        break;
    }
  }
  return open;
}

/** The inline text of a block: a paragraph's own, or an item's first paragraph. */
export function leadText(block: Block): string | undefined {
  if (block.inline !== undefined) return block.inline;
  const first = block.children[0];
  return first && first.type === 'paragraph' && first.startLine === block.startLine ? first.inline : undefined;
}
