import { hasText } from '../markdown/inline';
import { chosenValue, isOptionList, isPlaceholderOnly } from './choices';
import type { Field, PlanModel } from './model';
import type { Range } from '../types';

/** Filled: a value that is not the template's placeholder, nor its option list with no choice made on the lines below. */
export function isFieldFilled(plan: PlanModel, field: Field): boolean {
  if (!field.hasValue || isPlaceholderOnly(field.value)) return false;
  return !unchosenOptions(plan, field);
}

/**
 * The template's option list left as is (`incremental / snapshot / hybrid`), after the label or on the first line
 * under it, with no choice made on the lines after it; undefined when a choice is made or the field has no choices.
 */
export function unchosenOptions(plan: PlanModel, field: Field): { range: Range; value: string } | undefined {
  const choices = field.template?.choices;
  if (!choices) return undefined;
  if (isOptionList(field.value, choices)) {
    const below = plan.lines.slice(field.line + 1, field.endLine).join(' ');
    return chosenValue(below, choices) ? undefined : { range: field.valueRange, value: field.value };
  }
  if (hasText(field.value)) return undefined;
  for (let line = field.line + 1; line < field.endLine; line++) {
    const source = plan.lines[line];
    if (!source.trim()) continue;
    const value = source.trim().replace(/^(?:[-*+]|\d+[.)])\s+/, '');
    if (plan.nonProse[line] || !isOptionList(value, choices)) return undefined;
    const below = plan.lines.slice(line + 1, field.endLine).join(' ');
    if (chosenValue(below, choices)) return undefined;
    const start = source.length - source.trimStart().length + (source.trim().length - value.length);
    return { range: { start: { line, character: start }, end: { line, character: start + value.length } }, value };
  }
  return undefined;
}
