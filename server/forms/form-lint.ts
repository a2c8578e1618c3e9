// Checks of a form that only survey-core can make: every condition and expression must parse,
// and name only questions (or calculated values) of the same form. A typo in a visibleIf would
// otherwise silently hide a question from every respondent.
import { ConditionRunner } from 'survey-core';
import type { FormJson } from './form-registry';

const expressionProperty = /(If|Expression)$/;

interface Element {
  name?: string;
  elements?: Element[];
  [key: string]: unknown;
}

/** Every element of the form (pages, panels, questions), depth first. */
function allElements(form: FormJson): Element[] {
  const out: Element[] = [];
  const walk = (items: Element[] | undefined) => {
    for (const item of items ?? []) {
      out.push(item);
      walk(item.elements);
    }
  };
  walk(form.pages as unknown as Element[]);
  return out;
}

/** Problems found, as "<element>.<property>: <what>" lines; empty when the form is clean. */
export function lintForm(form: FormJson): string[] {
  const elements = allElements(form);
  const known = new Set<string>([
    ...elements.map((e) => e.name).filter((n): n is string => typeof n === 'string'),
    ...((form.calculatedValues as { name: string }[] | undefined) ?? []).map((c) => c.name),
  ]);
  const problems: string[] = [];
  for (const element of elements) {
    for (const [property, value] of Object.entries(element)) {
      if (!expressionProperty.test(property) || typeof value !== 'string') continue;
      const runner = new ConditionRunner(value);
      if (!runner.canRun()) {
        problems.push(`${element.name}.${property}: cannot parse "${value}"`);
        continue;
      }
      for (const variable of runner.getVariables()) {
        const root = variable.split(/[.[]/)[0];
        if (!known.has(root)) problems.push(`${element.name}.${property}: "${root}" is not a question of this form`);
      }
    }
  }
  return problems;
}
