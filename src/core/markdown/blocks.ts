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

/** Parses markdown into a tree of blocks with line spans; headings inside lists or quotes stay nested. */
export function parseBlocks(text: string): Block[] {
  const tokens = md.parse(text, {});
  const root: Block = { type: 'blockquote', startLine: 0, endLine: 0, children: [] };
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
        const block: Block = { type: CONTAINER[token.type], startLine: map![0], endLine: map![1], children: [] };
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
        leaf = { type: 'heading', startLine: map![0], endLine: map![1], level: Number(token.tag.slice(1)), children: LEAF };
        parent.children.push(leaf);
        break;
      case 'paragraph_open':
        leaf = { type: 'paragraph', startLine: map![0], endLine: map![1], children: LEAF };
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
        parent.children.push({ type: 'code', startLine: map![0], endLine: map![1], children: LEAF, content: token.content });
        break;
      case 'html_block':
        parent.children.push({ type: 'html', startLine: map![0], endLine: map![1], children: LEAF, content: token.content });
        break;
      case 'hr':
        parent.children.push({ type: 'hr', startLine: map![0], endLine: map![1], children: LEAF });
        break;
      case 'table_open':
        table = { type: 'table', startLine: map![0], endLine: map![1], children: LEAF, rows: [] };
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
        row = { line: map![0], header: inHeader, cells: [] };
        table?.rows!.push(row);
        break;
      case 'tr_close':
        row = undefined;
        break;
      default:
        break;
    }
  }
  return root.children;
}

/** The inline text of a block: a paragraph's own, or an item's first paragraph. */
export function leadText(block: Block): string | undefined {
  if (block.inline !== undefined) return block.inline;
  const first = block.children[0];
  return first && first.type === 'paragraph' && first.startLine === block.startLine ? first.inline : undefined;
}
