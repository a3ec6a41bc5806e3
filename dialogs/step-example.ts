/**
 * What an answer to a step looks like, for its help (`aide` at a step): one typical form of its type — a date
 * day first, a number, an amount, an option by number or name. A free-text step has none: its prompt and help
 * say what fits, and an invented answer would read as a fact.
 */
import type { Lang } from '../src/core/i18n.ts';
import type { Step } from './steps.ts';

const quote = (text: string, lang: Lang): string => (lang === 'fr' ? `« ${text} »` : `“${text}”`);

/** The example, quoted, in the step's words (« 1 » ou « association »); none for free text. */
export function exampleOf(step: Step, lang: Lang): string | undefined {
  const or = lang === 'fr' ? ' ou ' : ' or ';
  const first = step.choices?.[0]?.label[lang];
  switch (step.type) {
    case 'date':
      return quote('15/06/2027', lang);
    case 'integer':
      return quote('150', lang);
    case 'number':
      return quote(step.measure === 'distance' ? '450 km' : '25', lang);
    case 'money':
      return quote(lang === 'fr' ? '12 000 €' : '€12,000', lang);
    case 'boolean':
      return lang === 'fr' ? '« oui »' + or + '« non »' : '“yes”' + or + '“no”';
    case 'choice':
      return first ? quote('1', lang) + or + quote(first, lang) : undefined;
    case 'multi':
      return quote('1, 3', lang);
    default:
      return undefined;
  }
}
