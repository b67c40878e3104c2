import * as l10n from '@vscode/l10n';
import type { Finding, Severity } from '../../core';
import { blockAt, type Block } from './blocks';
import type { TokenEdits } from './token-edits';

export interface GapMark {
  /** The badge's visible text, a few words. */
  label: string;
  /** Given to the marked element (list item, row, heading, paragraph, code block). */
  className: string;
}

/** The label is read when a badge is made: in the display language the extension was activated in. */
const mark = (label: () => string, className: string): GapMark => ({
  get label() {
    return label();
  },
  className,
});

/** How each rule's findings show in the preview. Every rule of the core has a row (a unit test checks). */
export const GAP_MARKS: Record<string, GapMark> = {
  'missing-section': mark(() => l10n.t('missing section'), 'connector-plan-missing-section'),
  'duplicate-section': mark(() => l10n.t('duplicate section'), 'connector-plan-duplicate-section'),
  'section-order': mark(() => l10n.t('out of order'), 'connector-plan-section-order'),
  'empty-field': mark(() => l10n.t('empty'), 'connector-plan-empty'),
  'unfilled-placeholder': mark(() => l10n.t('placeholder'), 'connector-plan-unfilled'),
  'unchosen-option': mark(() => l10n.t('choose one'), 'connector-plan-unchosen'),
  'invalid-choice': mark(() => l10n.t('not an allowed value'), 'connector-plan-invalid-choice'),
  'linking-point-format': mark(() => l10n.t('link format'), 'connector-plan-link-format'),
  'mapping-table': mark(() => l10n.t('mapping incomplete'), 'connector-plan-mapping'),
  'phase-incomplete': mark(() => l10n.t('phase incomplete'), 'connector-plan-phase-incomplete'),
  'wave-incomplete': mark(() => l10n.t('wave incomplete'), 'connector-plan-wave-incomplete'),
  'risk-without-mitigation': mark(() => l10n.t('no mitigation'), 'connector-plan-no-mitigation'),
  'secret-value': mark(() => l10n.t('secret'), 'connector-plan-secret'),
  'go-no-go-open': mark(() => l10n.t('open'), 'connector-plan-open'),
  'open-review-finding': mark(() => l10n.t('review finding open'), 'connector-plan-review-open'),
  'unknown-review-finding': mark(() => l10n.t('unknown finding'), 'connector-plan-review-unknown'),
  'reference-not-found': mark(() => l10n.t('not in the repository'), 'connector-plan-reference-missing'),
  'env-var-unknown': mark(() => l10n.t('unknown env var'), 'connector-plan-env-unknown'),
  'env-var-unlisted': mark(() => l10n.t('env var not in the setup'), 'connector-plan-env-unlisted'),
};

export const gapMarkOf = (ruleId: string): GapMark => GAP_MARKS[ruleId] ?? { label: ruleId, className: 'connector-plan-other' };

export const BADGE = 'connector_plan_badge';
export const BADGE_ROW = 'connector_plan_badges';

/** What a badge token carries in `meta`: one rule's findings on one block. */
export interface BadgeData {
  ruleId: string;
  severity: Severity;
  label: string;
  messages: string[];
}

/**
 * Gives each finding a badge on the tightest block over its first line, with the message as its tooltip, and the
 * block its rule's class. One badge per rule and block. Returns the findings no rendered block holds.
 */
export function markGaps(edits: TokenEdits, blocks: readonly Block[], findings: readonly Finding[]): Finding[] {
  const unplaced: Finding[] = [];
  const onBlock = new Map<Block, Map<string, BadgeData>>();
  for (const finding of findings) {
    const block = blockAt(blocks, finding.range.start.line);
    if (!block) {
      unplaced.push(finding);
      continue;
    }
    const badges = onBlock.get(block) ?? new Map<string, BadgeData>();
    onBlock.set(block, badges);
    const badge = badges.get(finding.ruleId);
    if (badge) {
      if (!badge.messages.includes(finding.message)) badge.messages.push(finding.message);
    } else {
      badges.set(finding.ruleId, { ruleId: finding.ruleId, severity: finding.severity, label: gapMarkOf(finding.ruleId).label, messages: [finding.message] });
    }
  }
  for (const [block, badges] of onBlock) {
    const data = [...badges.values()];
    edits.addClass(block.element, 'connector-plan-gap');
    for (const badge of data) edits.addClass(block.element, gapMarkOf(badge.ruleId).className);
    if (block.hasText) {
      edits.edit(block.element).attrSet('title', data.flatMap((b) => b.messages).join('\n'));
      edits.setChildren(block.index, [...edits.children(block.index), ...data.map((meta) => edits.make(BADGE, 'span', 0, { meta }))]);
    } else {
      // Code and raw HTML cannot hold a badge: a row of badges goes just above them.
      edits.insertBefore(block.index, edits.make(BADGE_ROW, 'p', 0, { block: true, meta: data }));
    }
  }
  return unplaced;
}

export function badgeHtml(badge: BadgeData, escape: (text: string) => string): string {
  const count = badge.messages.length > 1 ? ` ×${badge.messages.length}` : '';
  const title = badge.messages.map((m) => `${m} (${badge.ruleId}, ${badge.severity})`).join('\n');
  return `<span class="connector-plan-badge connector-plan-badge-${badge.severity}" title="${escape(title)}">${escape(badge.label + count)}</span>`;
}
