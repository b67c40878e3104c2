import { chosenValue, isOptionList, isPlaceholderOnly } from './choices';
import type { Field, PlanModel } from './model';

/** Filled: a value that is not the template's placeholder, nor its option list with no choice made on the lines below. */
export function isFieldFilled(plan: PlanModel, field: Field): boolean {
  if (!field.hasValue || isPlaceholderOnly(field.value)) return false;
  const choices = field.template?.choices;
  if (!choices || !isOptionList(field.value, choices)) return true;
  return chosenValue(plan.lines.slice(field.line + 1, field.endLine).join(' '), choices) !== undefined;
}
