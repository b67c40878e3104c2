import type { Severity } from '../types';

export interface RuleMeta {
  id: string;
  description: string;
  defaultSeverity: Severity;
}

export const RULES: RuleMeta[] = [];
