/**
 * A question typed at a step: the step's help (or another step's, when it names it), the FAQ's answer, or
 * nothing when it is an answer with a question mark.
 */

import type { Turn } from '../src/core/turn.ts';
import { asksAbout, questionTopic } from '../src/understanding/question-topic.ts';
import {
  asksIfSeveral,
  asksWhichOption,
  asksWithoutMark,
  isFramedQuestion,
  opensAsQuestion,
  readsAsQuestion,
} from '../src/understanding/questions.ts';
import { doubtsItsValue, withoutHedge } from '../src/understanding/unsure.ts';
import { contentWords } from '../src/understanding/words.ts';
import type { Application } from './application.ts';
import type { DialogContext } from './context.ts';
import { withoutCallNames } from './facts.ts';
import type { Parsed } from './parsers/result.ts';
import { ask } from './progress.ts';
import type { Step } from './steps.ts';

/**
 * A question typed at the step, read once the step's own reading of it is known: the step's help, the FAQ's
 * answer, or nothing (an answer with a question mark). True when it was dealt with.
 */
export async function handledAsQuestion(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  step: Step,
  text: string,
  parsed: Parsed<unknown>,
): Promise<boolean> {
  if (!readsAsQuestion(text)) return false;
  // « pas sûr, peut-être 100 ? », "maybe 14 May 2027?": a value said with a doubt, asked back before it is kept.
  // « je sais pas, lequel est le plus financé ? »: the question after the hedge.
  const asked = withoutHedge(text);
  if (parsed.ok && step.type !== 'text' && doubtsItsValue(text) && !opensAsQuestion(asked)) return false;
  // « c'est quoi le numérique responsable ? » is a question even though a word of it reads as an answer;
  // "online or hybrid?" is an answer with a question mark. Free text takes a question only ending in "?".
  const question =
    step.type === 'text'
      ? text.trim().endsWith('?') || asksWithoutMark(text)
      : isFramedQuestion(text) || (!parsed.ok && !parsed.clarify);
  // « lequel vous conseillez ? », "what are the options again?", « on peut aller aux deux ? »: the step's options.
  const topic = !question
    ? undefined
    : step.choices && (asksWhichOption(asked) || asksIfSeveral(asked))
      ? 'step'
      : questionTopic(asked, stepWords(step));
  if (!topic) return false;
  if (topic === 'step') {
    await stepHelp(ctx, turn, application, step);
    return true;
  }
  // « c'est quoi le territoire ? » at the themes: the question names another step of the dialog; its help.
  const named = ctx.stepsOf(application).find((s) => s.slot !== step.slot && asksAbout(text, nameWords(s)));
  if (named) {
    await stepHelp(ctx, turn, application, named);
    return true;
  }
  // An answer that is also a question (« une association, ça marche ? ») is an answer, unless the FAQ knows; a
  // message in the form of a question ("does a free room count as support?") never is, whatever word of it reads.
  const notAnAnswer = (!parsed.ok && !parsed.clarify) || step.type === 'text' || opensAsQuestion(asked);
  if (answerFromFaq(ctx, turn, text, application.callId, step, topic === 'elsewhere' && notAnAnswer)) {
    await ask(ctx, turn, application);
    return true;
  }
  if (!notAnAnswer) return false;
  await stepHelp(ctx, turn, application, step);
  return true;
}

/** A question about the step: its help, then the question again. */
export function stepHelp(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  step: Step,
): Promise<void> {
  ctx.say(turn, {
    intent: 'dialog:step-help',
    text: `**${step.label[turn.lang]}** — ${step.help[turn.lang]}`,
  });
  return ask(ctx, turn, application);
}

/** The words that name a step: its label and other names, in both languages. */
const nameWords = (step: Step): string[] =>
  contentWords([step.label.fr, step.label.en, ...(step.names ?? [])].join(' '));

/**
 * The words of a step's label, prompt, other names and choices: a question using them is about the step. The
 * call's name is left out (« Quelle structure porte le NEC local ? »): a question about it is for the FAQ.
 */
export function stepWords(step: Step): string[] {
  return contentWords(
    withoutCallNames(
      [
        step.label.fr,
        step.label.en,
        step.prompt.fr,
        step.prompt.en,
        ...(step.names ?? []),
        ...(step.choices ?? []).flatMap((c) => [c.label.fr, c.label.en, ...(c.keywords ?? [])]),
      ].join(' '),
    ),
  );
}

/**
 * Answers a question typed during a step from the FAQ (the call's entries first) when it knows the answer;
 * with `evenUnsure`, says what it does not know just as honestly (its fallback). True when the FAQ replied.
 */
function answerFromFaq(
  ctx: DialogContext,
  turn: Turn,
  text: string,
  callId: string,
  step: Step,
  evenUnsure: boolean,
): boolean {
  const faq = ctx.deps.services().faq;
  const stepWords = `${step.label[turn.lang]} ${step.help[turn.lang]}`;
  const match = faq?.search(text, turn.lang, { callId, step: stepWords });
  if (!faq || !match || (!match.confident && !evenUnsure)) return false;
  ctx.say(turn, faq.replyFor({ lang: turn.lang, callId }, match));
  ctx.say(turn, {
    intent: 'dialog:resume',
    text: turn.t({ fr: 'Reprenons la candidature.', en: 'Back to the application.' }),
  });
  return true;
}
