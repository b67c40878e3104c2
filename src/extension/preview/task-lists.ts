import type { TokenEdits } from './token-edits';

export const TASK_BOX = 'connector_plan_task_box';

const BOX = /^\[([ xX])\](?=\s|$)/;

/**
 * Turns `- [ ] item` / `- [x] item` into a disabled checkbox before the item's text (VS Code's preview does not):
 * read-only, since the plan changes through the editor, the Plans view or a quick fix.
 */
export function markTaskLists(edits: TokenEdits): void {
  const { tokens } = edits;
  tokens.forEach((token, i) => {
    if (token.type !== 'list_item_open' || tokens[i + 1]?.type !== 'paragraph_open' || tokens[i + 2]?.type !== 'inline') return;
    const [first, ...rest] = edits.children(i + 2);
    const box = first?.type === 'text' ? BOX.exec(first.content) : null;
    if (!first || !box) return;
    const after = first.content.slice(box[0].length);
    const checkbox = edits.make(TASK_BOX, 'input', 0, { meta: { checked: box[1] !== ' ' } });
    const text = after ? [edits.make('text', '', 0, { content: after, level: first.level })] : [];
    edits.setChildren(i + 2, [checkbox, ...text, ...rest]);
    edits.addClass(i, 'connector-plan-task');
    const list = listOf(edits, i);
    if (list >= 0) edits.addClass(list, 'connector-plan-task-list');
  });
}

function listOf(edits: TokenEdits, item: number): number {
  const { level } = edits.tokens[item];
  for (let i = item - 1; i >= 0; i--) {
    const t = edits.tokens[i];
    if ((t.type === 'bullet_list_open' || t.type === 'ordered_list_open') && t.level === level - 1) return i;
  }
  return -1;
}

export const taskBoxHtml = (checked: boolean) => `<input type="checkbox" class="connector-plan-task-box" disabled${checked ? ' checked' : ''}>`;
