/**
 * What a message at a step is besides an answer: a request to change another answer, a correction, "I do
 * not know yet", a sound while thinking, a fact of another step. Each is dealt with here (or by the module of its
 * kind: `step-questions.ts`, `talk-and-hedges.ts`, `skip-offer.ts`, `off-topic.ts`) and nothing is stored as the
 * step's answer.
 */

import { normalize } from '../src/core/text.ts';
import type { Turn } from '../src/core/turn.ts';
import { aroundTheAnswer } from '../src/understanding/around-the-answer.ts';
import { chatKind, talksToTheBot } from '../src/understanding/chat.ts';
import { putsACondition } from '../src/understanding/conditions.ts';
import { correctionIn, correctionSaidLast, ownsUpToMistake } from '../src/understanding/correcting.ts';
import { editRequestIn, isBareEdit } from '../src/understanding/edit-requests.ts';
import { isHesitation } from '../src/understanding/empty-talk.ts';
import { saysNotKnownYet } from '../src/understanding/not-yet.ts';
import { asksProgress } from '../src/understanding/progress-asked.ts';
import { quantityOnly } from '../src/understanding/quantities.ts';
import { isPuzzled } from '../src/understanding/questions.ts';
import { notYetFormally, putOffForNow, takenBackAfterBut } from '../src/understanding/unsure.ts';
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
import { placedInsteadOfName } from './facts-elsewhere.ts';
import { handledAsOffTopic } from './off-topic.ts';
import { placedOptionOfAnotherStep } from './option-elsewhere.ts';
import { placeQuantity, placeSaidOf } from './placing.ts';
import { ask, showStatus } from './progress.ts';
import { offerSkip } from './skip-offer.ts';
import { stepHelp } from './step-questions.ts';
import { parseForm, type Step, stepNameWords } from './steps.ts';
import { asksAfterHedge, heldWithDoubt } from './talk-and-hedges.ts';

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
  // « Rdv chez le dentiste jeudi 14h30 », « 3 place de la mairie » at a step that reads no address.
  if (await handledAsOffTopic(ctx, turn, application, step, text)) return true;
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
  // « en ligne » at the partners, "online only" at the goal: another step's option, not this step's words.
  if (await placedOptionOfAnotherStep(ctx, turn, application, step, text)) return true;
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
