/** A 0-based position; `character` counts UTF-16 code units, as editors do. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A mechanical fix: one action the user can pick; a finding may offer several (one per allowed value). */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The single obvious fix, offered first and used by "fix all". */
  isPreferred?: boolean;
}

export interface RelatedLocation {
  message: string;
  range: Range;
}

/** Plain, serialisable data: the same finding drives a diagnostic, a quick fix, a CLI line and a SARIF result. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes?: Fix[];
  related?: RelatedLocation[];
  /** Template section id (A–J) the finding belongs to, when it belongs to one. */
  sectionId?: string;
}

export type SectionStatus = 'complete' | 'partial' | 'empty' | 'missing';

export interface SectionProgress {
  id: string;
  title: string;
  filled: number;
  total: number;
  status: SectionStatus;
  /** What is still open, in words (`Phase 2: Validation tests`, `risks with a mitigation (2/3)`); empty when complete. */
  missing: string[];
}

export type Verdict = 'GO' | 'NO-GO';

/** What a go/no-go reason is about, whatever language its text is in: `unchecked` restates the checked count. */
export type GoNoGoReasonKind = 'no-checklist' | 'unchecked' | 'errors';

export interface GoNoGoStatus {
  checked: number;
  total: number;
  verdict: Verdict;
  /** Why the verdict is NO-GO, in words to show; empty for GO. */
  reasons: string[];
  /** What each reason is about, one per entry of `reasons`: what shows them picks by kind, never by their words. */
  reasonKinds: GoNoGoReasonKind[];
}

export interface PlanProgress {
  percent: number;
  sections: SectionProgress[];
  goNoGo: GoNoGoStatus;
}

export interface RuleConfig {
  [ruleId: string]: SeveritySetting;
}

export interface ConfigProblem {
  message: string;
}
