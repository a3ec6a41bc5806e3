/**
 * What a message at a step is besides an answer: a request to change another answer, a correction, "I do
 * not know yet", a question about the step (its help) or for the FAQ, a sound while thinking. Each is dealt
 * with here and nothing is stored as the step's answer.
 */

import type { Localized } from '../src/core/i18n.ts';
import { normalize } from '../src/core/text.ts';
import type { Turn } from '../src/core/turn.ts';
import { type AroundTheAnswer, aroundTheAnswer } from '../src/understanding/around-the-answer.ts';
import { chatKind, talksToTheBot } from '../src/understanding/chat.ts';
import { putsACondition } from '../src/understanding/conditions.ts';
import { correctionIn, correctionSaidLast, ownsUpToMistake } from '../src/understanding/correcting.ts';
import { editRequestIn, isBareEdit } from '../src/understanding/edit-requests.ts';
import { isHesitation } from '../src/understanding/empty-talk.ts';
import { saysNotKnownYet } from '../src/understanding/not-yet.ts';
import { asksProgress } from '../src/understanding/progress-asked.ts';
import { quantityOnly } from '../src/understanding/quantities.ts';
import { asksAbout, questionTopic } from '../src/understanding/question-topic.ts';
import {
  asksIfSeveral,
  asksWhichOption,
  asksWithoutMark,
  isFramedQuestion,
  isPuzzled,
  opensAsQuestion,
  readsAsQuestion,
} from '../src/understanding/questions.ts';
import {
  doubtsItsValue,
  notYetFormally,
  putOffForNow,
  takenBackAfterBut,
  valueBeforeDoubt,
  withoutHedge,
} from '../src/understanding/unsure.ts';
import { contentWords } from '../src/understanding/words.ts';
import { addedToList } from './added-items.ts';
import type { Application } from './application.ts';
import { replyToChat, TAKE_YOUR_TIME } from './chat.ts';
import type { DialogContext } from './context.ts';
import {
  answersFitting,
  applyCorrection,
  applyCorrections,
  correct,
  namedChanges,
  replacedAnswer,
} from './corrections.ts';
import { doubtedItems } from './doubted-items.ts';
import { edit } from './editing.ts';
import { withoutCallNames } from './facts.ts';
import { placedInsteadOfName } from './facts-elsewhere.ts';
import { rightOrNo } from './parsers/choices.ts';
import type { Parsed } from './parsers/result.ts';
import { placeQuantity, placeSaidOf } from './placing.ts';
import { ask, showStatus } from './progress.ts';
import { parseForm, type Step, stepNameWords } from './steps.ts';

/** The confirmation asked on « je ne sais pas encore »: leave the step for later? */
export const SKIP_OFFER_ACTION = 'dialog-skip-offer';

/**
 * A message that is not an answer to the step: an edit of another answer, a correction of the previous
 * one, or "I do not know yet". True when it was dealt with.
 */
export async function handledOtherwise(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  step: Step,
  text: string,
): Promise<boolean> {
  if (application.pendingEdit) {
    application.pendingEdit = undefined;
    if (ctx.stepNamed(application, text)) {
      await edit(ctx, turn, application, text);
      return true;
    }
  }
  // « on en est où ? » asks for the application's progress, not the step's help.
  if (asksProgress(text)) {
    await showStatus(ctx, turn, application);
    return true;
  }
  // « attendez », « c'est long ce questionnaire », « on fait une pause »: said to the bot, not an answer;
  // « question suivante », "next": this step left for later, once the person says so.
  const chat = chatKind(text);
  if (chat === 'next') {
    offerSkip(ctx, turn, application, step);
    return true;
  }
  if (chat && chat !== 'person') {
    await replyToChat(ctx, turn, application, chat);
    return true;
  }
  // « pardon je n'ai pas compris », « une seconde je retrouve le nom exact » at a free-text step: the person
  // speaks of their own doing, which no step stores.
  const talk = step.type === 'text' ? talksToTheBot(text) : undefined;
  // "no title yet, sorry", « non, pas encore décidé »: not known yet, never a correction of the answer before.
  // (Read only when a correction is found: most messages are none.)
  const notYet = () => !/\d/.test(text) && saysNotKnownYet(text, { stepWords: stepNameWords(step) });
  // « c'est Paris finalement, pas Bruxelles »: the answer that was Bruxelles becomes Paris.
  const found = replacedAnswer(ctx, turn, application, step, text);
  const replaced = found && !notYet() ? found : undefined;
  if (replaced) {
    await applyCorrection(ctx, turn, application, replaced.step, replaced.parsed);
    return true;
  }
  const editWords = editRequestIn(text);
  const said = mostlyAnswer(step, text, ctx.today(turn))
    ? undefined
    : (correctionIn(text, step.type !== 'boolean') ??
      (step.type === 'text' || !parseForm(step, text, ctx.today(turn)).ok
        ? correctionSaidLast(text)
        : undefined));
  // « pardon je suis dans le train, je reviens »: what follows the « pardon » is talk only (the person's
  // situation), so it corrects nothing — it is no « pardon, c'est 180 ».
  const corrected = said !== undefined && !notYet() && aroundTheAnswer(said).rest !== '' ? said : undefined;
  // « je rectifie les thèmes : inclusion », « oups, le budget total c'est 14 000 »: the step named gets the value.
  // Said at any step, « le budget c'est 9000, les 8000 c'est la subvention » gives those steps, not this one.
  const named =
    editWords !== undefined || corrected !== undefined
      ? namedChanges(ctx, turn, application, step, editWords ?? corrected)
      : namedChanges(ctx, turn, application, step, text, true);
  if (named.length > 0) {
    await applyCorrections(ctx, turn, application, named);
    return true;
  }
  if (editWords !== undefined || isBareEdit(text)) {
    await edit(ctx, turn, application, editWords ?? '');
    return true;
  }
  if (corrected !== undefined && (await correct(ctx, turn, application, step, corrected))) return true;
  if (await placedInsteadOfName(ctx, turn, application, step, text)) return true;
  // "accessibility too" after the themes: one more theme, not this step's answer.
  if (await addedToList(ctx, turn, application, step, text)) return true;
  // « la salle peut accueillir 300 personnes » at the attendance: the step the sentence says the number is of.
  if (await placeSaidOf(ctx, turn, application, step, text)) return true;
  // A number alone, said as a correction, at a free-text step (« on attend 200 personnes » at the audience), at
  // a step of options that cannot read it (the same at the themes), or counted in a unit at any step that cannot
  // read it (« 50 personnes » at the date): the step that counts it gets it, or the person is asked which.
  const options = step.type === 'choice' || step.type === 'multi' || step.type === 'boolean';
  const counted = !['bare', undefined].includes(quantityOnly(text));
  // A quantity in a unit at a step of options is never one of them, whatever word it shares with one
  // (« une centaine de personnes » is no « particulier (personne physique) »).
  const quantity =
    corrected ??
    (step.type === 'text' ||
    (options && counted) ||
    ((options || counted) && !parseForm(step, text, ctx.today(turn)).ok)
      ? text
      : undefined);
  if (
    quantity !== undefined &&
    (await placeQuantity(ctx, turn, application, step, quantity, corrected !== undefined))
  )
    return true;
  // « à peu près 40 000 euros » where no step takes euros: a quantity in a unit is never a free-text answer
  // (a bare « 93 » may be: the département of an area).
  if (step.type === 'text' && counted) {
    ctx.say(turn, {
      intent: `dialog:${application.callId}:invalid`,
      text: turn.t(
        {
          fr: '« {said} » ne répond pas à cette question, et ce dossier n’a pas d’autre étape où le noter.',
          en: '“{said}” does not answer this question, and this application has no other step to note it in.',
        },
        { said: text.trim() },
      ),
    });
    await ask(ctx, turn, application);
    return true;
  }
  // A correction no answer took (« non pardon, le budget… » at a yes/no step) is never this step's answer
  // unless its words are one: « en fait on est une asso » answers the type of structure.
  // At a free-text step, which takes any words, a message that says it corrects is asked about too.
  if (
    corrected !== undefined &&
    (!parseForm(step, corrected, ctx.today(turn)).ok ||
      (step.type === 'text' &&
        (ownsUpToMistake(text) ||
          answersFitting(ctx.stepsOf(application), application, step, corrected, ctx.today(turn)).length >
            0)))
  ) {
    ctx.say(turn, {
      intent: `dialog:${application.callId}:clarify`,
      text: turn.t(
        {
          fr: 'Je n’ai pas su quelle réponse corriger avec « {said} ». Écrivez par exemple « modifier {label} », ou répondez à la question :',
          en: 'I could not tell which answer “{said}” corrects. Type for example “edit {label}”, or answer the question:',
        },
        {
          said: corrected,
          label: (ctx.stepsOf(application).find((s) => s.slot === application.lastSlot) ?? step).label[
            turn.lang
          ],
        },
      ),
    });
    await ask(ctx, turn, application);
    return true;
  }
  // Said with nothing else, "not known yet" comes before any reading (« pas encore décidé » names no option);
  // at a yes/no step, where « pas encore » is a no, with a few more words too (« aucune idée, je dois demander »).
  const boolean = step.type === 'boolean';
  if (
    (!heldWithDoubt(step, text, ctx.today(turn)) &&
      // « je sais pas trop, inclusion numérique et peut-être open data »: a hedge before a clear answer;
      // « ça dépend, vous attendez quoi exactement ? »: before a question, answered next.
      !doubtedItems(step, text, ctx.today(turn)) &&
      !asksAfterHedge(text) &&
      saysNotKnownYet(text, { yesNo: boolean, others: boolean ? 2 : 0, stepWords: stepNameWords(step) })) ||
    // « ça compte si c'est jumelé mais sans convention signée ? » asks; it is not a yes taken back. A yes under
    // a condition (« si la mairie valide en conseil, oui ») is no answer yet either.
    // « pas encore officiellement » is under way, not a no.
    (boolean &&
      (takenBackAfterBut(text) ||
        putsACondition(text) ||
        notYetFormally(text) ||
        putOffForNow(text, asksCommitment(step))) &&
      !text.trim().endsWith('?')) ||
    talk === 'checking'
  ) {
    offerSkip(ctx, turn, application, step);
    return true;
  }
  if (isPuzzled(text) || talk === 'puzzled') {
    await stepHelp(ctx, turn, application, step);
    return true;
  }
  if (isHesitation(text)) {
    ctx.say(turn, { intent: `dialog:${application.callId}:invalid`, text: turn.t(TAKE_YOUR_TIME) });
    await ask(ctx, turn, application);
    return true;
  }
  return false;
}

/** A yes/no step asking for a commitment ("do you accept…?"): « pas encore » there is not decided yet. */
const asksCommitment = (step: Step): boolean =>
  /\b(?:accept\w*|agree\w*|engag\w*|commit\w*)\b/.test(
    normalize(`${step.prompt.fr} ${step.prompt.en}`).split('?')[0] ?? '',
  );

/** Said when a message was only talk around the answer: nothing noted, the question stays. */
const NOTHING_NOTED: Localized = {
  fr: 'Pas de souci, je n’ai rien noté : répondez quand vous pourrez (« passer » pour y revenir plus tard).',
  en: 'No problem, I have noted nothing: answer whenever you can (“skip” to come back to it later).',
};

/**
 * The talk around an answer (`aroundTheAnswer`): an answer put off or checked (« je finis ce soir », "let me ask
 * my colleague") is offered for later; an unclear yes or no (« le maire a changé, c'est flou ») is asked back;
 * talk alone (« désolé je suis dans le train », « @Julien tu peux regarder ça ») is answered kindly and the step
 * asked again. True when it was dealt with; false when what remains is to be read as the answer.
 */
export async function handledAsTalk(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  step: Step,
  around: AroundTheAnswer,
): Promise<boolean> {
  if (around.talk.length === 0) return false;
  if (around.talk.includes('later') || (around.talk.includes('unsure') && step.type !== 'boolean')) {
    offerSkip(ctx, turn, application, step);
    return true;
  }
  const asked = rightOrNo();
  if (around.talk.includes('unsure') && !asked.ok && asked.clarify) {
    ctx.say(turn, {
      intent: `dialog:${application.callId}:clarify`,
      text: turn.t(asked.clarify.question),
      choices: asked.clarify.options.map((o) => ({ id: o.id, label: o.label[turn.lang] })),
      data: { application: application.id, slot: step.slot },
    });
    return true;
  }
  if (around.rest !== '') return false;
  ctx.say(turn, { intent: `dialog:${application.callId}:aside`, text: turn.t(NOTHING_NOTED) });
  await ask(ctx, turn, application);
  return true;
}

/** « ça dépend, vous attendez quoi exactement ? », "hmm not sure, is it per person?": a question after a hedge. */
export function asksAfterHedge(text: string): boolean {
  const rest = withoutHedge(text);
  return rest !== text && readsAsQuestion(rest);
}

/**
 * The value said first with a doubt taken back after « mais » (« sans doute hybride mais rien n'est calé »), when
 * the step reads it: asked back with the value by `answer`, not left for later.
 */
export function heldWithDoubt(step: Step, text: string, today: string): string | undefined {
  if (step.type === 'text' || step.type === 'boolean') return undefined;
  const value = valueBeforeDoubt(text);
  return value !== undefined && parseForm(step, value, today).ok ? value : undefined;
}

/**
 * « plutôt le numérique inclusif, … » at a choice step whose options it names: « plutôt » says "mostly", the
 * answer, not a correction of the previous one.
 */
function mostlyAnswer(step: Step, text: string, today: string): boolean {
  return (
    (step.type === 'choice' || step.type === 'multi') &&
    /^(?:plutot|rather|mostly|surtout)\s/.test(normalize(text)) &&
    parseForm(step, text, today).ok
  );
}

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

/**
 * « je ne sais pas encore »: offers to leave the step for later (it stays missing in the summary). The French
 * speaks of « cette étape », not of the label, whose gender and number vary (« les partenaires »).
 */
export function offerSkip(ctx: DialogContext, turn: Turn, application: Application, step: Step): void {
  const question: Localized = step.optional
    ? {
        fr: 'Pas de souci. On passe cette étape (« {label} ») pour l’instant ? Elle restera à compléter (« modifier {label} » pour y revenir). (oui / non)',
        en: 'No problem. Shall we skip “{label}” for now? It stays to be given (“edit {label}” to come back to it). (yes / no)',
      }
    : {
        fr: 'Pas de souci. Cette étape (« {label} ») est nécessaire au dossier : on la laisse pour plus tard ? Elle restera à compléter dans le récapitulatif (« modifier {label} » pour y revenir). (oui / non)',
        en: 'No problem. “{label}” is needed for the application: shall we leave it for later? It stays missing in the summary (“edit {label}” to come back to it). (yes / no)',
      };
  ctx.deps.confirmations.ask(turn, SKIP_OFFER_ACTION, turn.t(question, { label: step.label[turn.lang] }), {
    id: application.id,
    slot: step.slot,
  });
}

/** A question about the step: its help, then the question again. */
function stepHelp(ctx: DialogContext, turn: Turn, application: Application, step: Step): Promise<void> {
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
