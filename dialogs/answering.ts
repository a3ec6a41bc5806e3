/**
 * Answer handling: read a message at a step the way the person meant it and store an answer, with what it
 * says besides (a name with a yes, facts of later steps); what is not an answer goes to `asides.ts`.
 */

import type { Localized } from '../src/core/i18n.ts';
import { listOf } from '../src/core/lists.ts';
import type { Turn } from '../src/core/turn.ts';
import { aroundTheAnswer } from '../src/understanding/around-the-answer.ts';
import { asksRatherThanAnswers } from '../src/understanding/asking-back.ts';
import { chatKind } from '../src/understanding/chat.ts';
import { putsACondition } from '../src/understanding/conditions.ts';
import { correctionIn, ownsUpToMistake } from '../src/understanding/correcting.ts';
import { inMonth } from '../src/understanding/dates.ts';
import { editRequestIn } from '../src/understanding/edit-requests.ts';
import { saysNothing } from '../src/understanding/empty-talk.ts';
import { saysNotKnownYet } from '../src/understanding/not-yet.ts';
import { otherThingCounted } from '../src/understanding/quantities.ts';
import { saidOfAnotherThing } from '../src/understanding/said-of.ts';
import { doubtsItsValue, speaksOfTheAnswer, talksOfNotKnowing } from '../src/understanding/unsure.ts';
import { contentWords } from '../src/understanding/words.ts';
import { plainYesNo } from '../src/understanding/yes-no.ts';
import type { Answers, AnswerValue, Application } from './application.ts';
import { handledOtherwise } from './asides.ts';
import { followReminders, sayEligibility } from './consequences.ts';
import type { DialogContext } from './context.ts';
import { askDoubted, declinesDoubted, doubtedItems } from './doubted-items.ts';
import { factsIn, monthSaid, proposedByName, withoutCallNames } from './facts.ts';
import { looksLikeAName, placedInsteadOfAnswer } from './facts-elsewhere.ts';
import { dayOfMonthPrompt } from './parsers/dates.ts';
import { clarify } from './parsers/result.ts';
import { placePending, withoutOthersNumbers } from './placing.ts';
import { advance, ask, showSummary } from './progress.ts';
import { answersSaid, formatAnswer, saidBack } from './render.ts';
import { offerSkip } from './skip-offer.ts';
import { handledAsQuestion, stepWords } from './step-questions.ts';
import { parseAnswer, parseForm, pruneAnswers, type Step, stepNameWords } from './steps.ts';
import { asksAfterHedge, handledAsTalk, heldWithDoubt } from './talk-and-hedges.ts';

/** Reads a message at the current step: stores an answer, or does what the message asks instead. */
export async function answer(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  message: string,
): Promise<void> {
  let text = message;
  const steps = ctx.stepsOf(application);
  const step = steps.find((s) => s.slot === application.currentSlot);
  if (!step) return showSummary(ctx, turn, application);
  if (await placePending(ctx, turn, application, text)) return;
  const clicked = turn.message.choiceId;
  if (clicked !== undefined && !acceptsChoice(step, clicked)) {
    const answered = steps.find((s) => s.slot in application.answers && acceptsChoice(s, clicked));
    if (answered) {
      ctx.say(turn, {
        intent: 'dialog:already-answered',
        text: turn.t(
          {
            fr: 'Cette question (« {label} ») a déjà sa réponse ; pour la changer, écrivez « modifier {label} ». Voici où nous en sommes :',
            en: 'That question (“{label}”) already has its answer; to change it, type “edit {label}”. Here is where we are:',
          },
          { label: answered.label[turn.lang] },
        ),
      });
      return ask(ctx, turn, application);
    }
  }
  // « oui » to « 12 000 personnes, c'est bien cela ? » is that value, typed again; to the kind a name
  // proposes (« Mairie de Créteil » : une collectivité ?), that kind.
  const confirmed = confirmsUnusual(application, step, text);
  // « non » to adding the items said with a doubt: the answer stored stays, and the dialog goes on.
  if (clicked === undefined && declinesDoubted(application, step, text)) {
    application.unconfirmed = undefined;
    return advance(ctx, turn, application);
  }
  const proposed = plainYesNo(text) === true ? proposedByName(steps, step, application.answers) : undefined;
  // « désolé je suis dans le train », « @Julien tu peux regarder ça », "sorry for the delay! it'll be 22 April":
  // the talk around the answer is never stored; what remains of the message is read as the answer.
  const holdsAnswer = (clause: string) =>
    step.type !== 'text' && (/\d/.test(clause) || parseForm(step, clause, ctx.today(turn)).ok);
  const around =
    clicked === undefined && !confirmed && !proposed ? aroundTheAnswer(text, holdsAnswer) : undefined;
  // « pfff pas simple… disons le samedi 5 juin », « désolée, alors : la médiathèque… »: plain talk before an answer
  // is left out before anything reads the message (it is no hesitation, no correction); an answer put off or
  // hedged is read whole first, as it was said.
  // A correction (« je me suis trompée : … », "my bad, the area is…", « oups en fait… ») or a whole message said
  // to the bot ("hold on, checking": `chatKind`) is read whole, as one.
  const plainTalk =
    around !== undefined &&
    chatKind(text) === undefined &&
    around.rest !== '' &&
    around.talk.every((k) => !['later', 'unsure'].includes(k)) &&
    correctionIn(text) === undefined &&
    editRequestIn(text) === undefined &&
    !ownsUpToMistake(text);
  if (plainTalk) text = around.rest;
  if (
    clicked === undefined &&
    !confirmed &&
    !proposed &&
    (await handledOtherwise(ctx, turn, application, step, text))
  )
    return;
  if (around && !plainTalk) {
    // "online or hybrid, we'll see": a hedge beside a value the step reads, asked back by the readings below.
    const hedgedValue = around.talk.includes('unsure') && around.rest !== '' && step.type !== 'boolean';
    if (!hedgedValue && (await handledAsTalk(ctx, turn, application, step, around))) return;
    if (!hedgedValue) text = around.rest;
  }
  // « je sais pas trop, inclusion numérique et peut-être open data »: the sure items are the answer, the others asked.
  const doubt = clicked === undefined && !confirmed ? doubtedItems(step, text, ctx.today(turn)) : undefined;
  const asksDoubted = doubt !== undefined && doubt.doubted.length > 0;
  // « le 23 » when « … en mars » was said ahead: the 23rd of that month.
  const month = application.partial?.[step.slot];
  const typed = confirmed
    ? [application.unconfirmed?.value].flat().join(', ')
    : (proposed ?? doubt?.sure ?? (month ? inMonth(text, month) : text));
  // « sans doute hybride mais rien n'est calé »: the value before the doubt, asked back by `doubted` below.
  const held = clicked === undefined ? heldWithDoubt(step, text, ctx.today(turn)) : undefined;
  // « on attend 180 personnes dans une salle de 250 places »: the number another step's words tie to it is that
  // step's (filled below, `factsAhead`); the step reads the others.
  const own =
    clicked === undefined
      ? withoutOthersNumbers(steps, step, held ?? typed, application, ctx.today(turn))
      : typed;
  const parsed = readAnswer(step, held ?? own, ctx.today(turn), application.answers, clicked !== undefined);
  if (clicked === undefined && (await handledAsQuestion(ctx, turn, application, step, text, parsed))) return;
  // Not known yet, however said: a phrase for it, a sentence about the answer at a free-text step (« on en
  // cherche encore »), or words of not knowing where the step could read nothing (« on hésite », "no date yet").
  const unread = !parsed.ok && !parsed.clarify;
  if (
    clicked === undefined &&
    !asksAfterHedge(text) &&
    (((step.type === 'text' || unread) && saysNotKnownYet(text, { stepWords: stepNameWords(step) })) ||
      (step.type === 'text' && speaksOfTheAnswer(text)) ||
      (unread && step.type !== 'text' && talksOfNotKnowing(text)))
  )
    return offerSkip(ctx, turn, application, step);
  if (
    parsed.ok &&
    clicked === undefined &&
    !asksDoubted &&
    (await doubted(ctx, turn, application, step, parsed, text))
  )
    return;
  if (!parsed.ok) {
    if (parsed.clarify) {
      // « mi-juin »: the month is kept, so that « le 15 » next is the 15th of June.
      const vague = step.type === 'date' ? monthSaid(text, ctx.today(turn)) : undefined;
      if (vague) {
        application.partial = { ...application.partial, [step.slot]: vague };
        await ctx.save(turn, application);
      }
      if (parsed.clarify.refused)
        ctx.say(turn, {
          intent: `dialog:${application.callId}:invalid`,
          text: turn.t(parsed.clarify.refused),
        });
      ctx.say(turn, {
        intent: `dialog:${application.callId}:clarify`,
        text: turn.t(vague ? dayOfMonthPrompt(vague) : parsed.clarify.question),
        ...(parsed.clarify.options.length > 0
          ? { choices: parsed.clarify.options.map((o) => ({ id: o.id, label: o.label[turn.lang] })) }
          : {}),
        data: { application: application.id, slot: step.slot },
      });
      return;
    }
    // « en présentiel » at the date: the format, noted, and the date asked again.
    if (await placedInsteadOfAnswer(ctx, turn, application, step, text)) return;
    ctx.say(turn, { intent: `dialog:${application.callId}:invalid`, text: turn.t(parsed.error) });
    return ask(ctx, turn, application);
  }
  const previous = { ...application.answers };
  const before = previous[step.slot];
  application.unconfirmed = undefined;
  application.answers[step.slot] = parsed.value;
  if (application.partial) delete application.partial[step.slot];
  application.skipped = application.skipped.filter((s) => s !== step.slot);
  application.lastSlot = step.slot;
  const also = {
    ...factsAhead(ctx, turn, application, steps, step, text, parsed.value),
    ...detailOf(step, parsed, text, application.answers),
  };
  Object.assign(application.answers, also);
  pruneAnswers(steps, application);
  const call = ctx.call(application.callId);
  const alsoNoted = answersSaid(call, steps, also, turn.lang);
  ctx.say(turn, {
    intent: `dialog:${application.callId}:noted`,
    text:
      turn.t(
        { fr: 'Noté : {echo}.', en: 'Noted: {echo}.' },
        { echo: saidBack(call, step.slot, parsed)[turn.lang] },
      ) +
      (alsoNoted.length > 0
        ? turn.t(
            { fr: ' J’ai aussi noté : {also}.', en: ' I also noted: {also}.' },
            { also: listOf(alsoNoted, turn.lang) },
          )
        : ''),
  });
  sayEligibility(ctx, turn, application, [step.slot, ...Object.keys(also)], previous);
  if (asksDoubted) await askDoubted(ctx, turn, application, step, doubt.doubted);
  else await advance(ctx, turn, application);
  if (before !== parsed.value) await followReminders(ctx, turn, application);
}

/**
 * The step's reading of a message; at a free-text step, a bare yes or a filler (« oui bien sûr », « ok
 * merci ») is a question back rather than an answer: it says nothing to write in the dossier.
 */
function readAnswer(
  step: Step,
  text: string,
  today: string,
  answers: Answers,
  clicked: boolean,
): ReturnType<typeof parseAnswer> {
  // « c'est pour un NEC local »: the call's name says nothing of the step either.
  const empty = saysNothing(text) || contentWords(withoutCallNames(text)).every(isSmall);
  if (clicked || step.type !== 'text' || !empty) return parseAnswer(step, text, today, answers);
  return clarify(
    {
      fr: `Il me faut ici quelques mots plutôt qu’un oui ou un non : ${step.prompt.fr}`,
      en: `I need a few words here rather than a yes or a no: ${step.prompt.en}`,
    },
    [],
  );
}

/** Words that alone name nothing: « c'est », « pour »… are left out by `contentWords` already; these too. */
const isSmall = (word: string): boolean => ['pour', 'for', 'ca', 'cela', 'this', 'that'].includes(word);

/**
 * What the answer fills besides its step: the name said with a yes (« oui, la Ville de Nantes ») or the one
 * implied, the words of an « autre » (« une fondation reconnue d'utilité publique »).
 */
function detailOf(
  step: Step,
  parsed: { value: AnswerValue; rest?: string },
  text: string,
  answers: Answers,
): Answers {
  const slot = step.detailSlot;
  if (parsed.value === true) {
    const name = slot && parsed.rest ? nameIn(parsed.rest) : undefined;
    if (slot && name) return { [slot]: name };
    return step.implied?.(answers)?.alsoOnYes ?? {};
  }
  if (!slot) return {};
  if (Array.isArray(parsed.value) && parsed.value.includes('other') && parsed.rest)
    return { [slot]: parsed.rest };
  if (parsed.value === 'other') {
    const words = text
      .trim()
      .replace(
        /^(?:c['’]est |nous sommes |on est |we are |it['’]s )?(?:(?:une?|la|le|an?|the)\s+|l['’]\s*)?/i,
        '',
      );
    const meaningful = contentWords(words).filter(
      (w) => !['autre', 'autres', 'other', 'personne', 'morale', 'structure'].includes(w),
    );
    if (meaningful.length > 0) return { [slot]: words.replace(/[.!]+$/, '') };
  }
  return {};
}

/** Facts the answer gives for later steps (« le 15 juin 2027, en hybride » also gives the format). */
function factsAhead(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  steps: Step[],
  current: Step,
  text: string,
  value: AnswerValue,
): Answers {
  // A free-text answer is taken as written: « élus de la commune » is not the organiser's kind, and a goal
  // that quotes a budget does not set it (a name's kind is proposed at its step: `proposedByName`) — but a
  // name taken from a sentence (« une asso loi 1901 qui s'appelle Les Liens ») leaves words that say its kind.
  if (current.type === 'text') {
    const kind = steps.find((s) => s.slot === current.nameGives);
    if (!kind || typeof value !== 'string' || value === text.trim()) return {};
    return factsIn(text.split(value).join(' '), [kind], application.answers, ctx.today(turn));
  }
  const targets = steps.filter(
    (s) => s.slot !== current.slot && s.slot !== current.detailSlot && s.type !== 'text',
  );
  return factsIn(text, targets, application.answers, ctx.today(turn));
}

/** The name in what follows a yes (« la Ville de Nantes », "the city of Lyon backs us"), if it names one. */
function nameIn(rest: string): string | undefined {
  const name = rest
    .replace(/^(?:c['’]est|it['’]s|it is|avec|with|par|by|grâce à|thanks to)\s+/i, '')
    .replace(/^(?:la|le|les|l['’]|the)\s*/i, '')
    .replace(
      /\s+(?:nous|vous)\s+(?:soutien\w*|accompagn\w*|appui\w*|aide\w*)\b.*$|\s+(?:backs|supports|is backing|is supporting|helps)\s+us\b.*$|\s+(?:soutient|supports)\b.*$/i,
      '',
    )
    .replace(/[\s.!]+$/, '')
    .trim();
  // A name has a capital letter (« bien sûr », « pas encore » do not).
  return /\p{Lu}/u.test(name) && contentWords(name).length > 0 ? name : undefined;
}

/** Whether a clicked choice id answers this step (a yes/no, one or more of its choices, or an offered day or number). */
function acceptsChoice(step: Step, id: string): boolean {
  if (step.type === 'boolean') return id === 'yes' || id === 'no';
  if (step.type === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(id);
  if (step.type === 'integer' || step.type === 'number' || step.type === 'money')
    return /^\d+(\.\d+)?$/.test(id);
  return id.split(',').every((part) => step.choices?.some((c) => c.id === part) ?? false);
}

/**
 * An unusual answer (12 000 attendees) is asked to be confirmed before it is stored, with the value and the
 * value a zero shorter as buttons. True when the question was asked; the same value typed again is taken.
 */
async function doubted(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  step: Step,
  parsed: { value: AnswerValue; echo: Localized },
  text: string,
): Promise<boolean> {
  const value = parsed.value;
  // « peut-être 200 », "hybrid, not sure", « si on a la fibre, hybride »: the value said with a doubt or under a
  // condition is asked back before it is kept.
  const held = CONFIRMABLE.has(step.type) && (doubtsItsValue(text) || putsACondition(text));
  // « est-ce que je dois tout détailler », "you mean who comes": a question or talk of the step, asked back.
  const asking =
    step.type === 'text' &&
    (asksRatherThanAnswers(text) || (step.properName === true && !looksLikeAName(value)));
  // « on a 40 bénévoles » at the attendance: the number counts something else than the step does; « la location
  // de la salle coûte 800 € » at the budget, « notre AG a lieu le 12 janvier » at the date: said of another thing.
  const counted =
    (step.type === 'integer' ? otherThingCounted(text) : undefined) ??
    (SAID_OF.has(step.type)
      ? saidOfAnotherThing(text, stepWords(step), step.measure === 'distance')
      : undefined);
  const call = ctx.call(application.callId);
  const question =
    step.unusual?.(value) ??
    (held
      ? heldBack(saidBack(call, step.slot, parsed))
      : asking || counted
        ? notedAs(counted ? { fr: `« ${text.trim()} »`, en: `“${text.trim()}”` } : parsed.echo, step.label)
        : undefined);
  const asked = application.unconfirmed;
  if (!question || (asked?.slot === step.slot && asked.value === value)) return false;
  application.unconfirmed = { slot: step.slot, value };
  await ctx.save(turn, application);
  const readings =
    typeof value === 'number' && value >= 10 && !held && !counted ? [value, Math.round(value / 10)] : [value];
  ctx.say(turn, {
    intent: `dialog:${application.callId}:clarify`,
    text: turn.t(question),
    // Free text is confirmed by a typed « oui »: a button would carry the person's words as its id.
    ...(asking
      ? {}
      : {
          choices: readings.map((v) => ({
            id: String(v),
            label: formatAnswer(call, step.slot, v, turn.lang),
          })),
        }),
    data: { application: application.id, slot: step.slot },
  });
  return true;
}

/**
 * The steps whose value a sentence may say of another thing than the step's subject (a count is read by what it
 * counts, `otherThingCounted`: « l'amphi a 350 places » names the venue by any name).
 */
const SAID_OF = new Set<Step['type']>(['number', 'money', 'date']);

/** The steps whose doubted value can be offered back as a button and confirmed by a « oui ». */
const CONFIRMABLE = new Set<Step['type']>(['integer', 'number', 'money', 'choice', 'multi', 'date']);

const heldBack = (echo: Localized): Localized => ({
  fr: `Vous n’avez pas l’air sûr : je note ${echo.fr} ? (oui, ou donnez la bonne réponse ; « je ne sais pas encore » pour y revenir plus tard)`,
  en: `You do not sound sure: shall I note ${echo.en}? (yes, or give the right answer; “I don’t know yet” to come back to it later)`,
});

const notedAs = (echo: Localized, label: Localized): Localized => ({
  fr: `Je note ${echo.fr} comme ${label.fr.toLowerCase()} ? (oui, ou écrivez la réponse ; « aide » pour savoir ce qui est attendu)`,
  en: `Shall I note ${echo.en} as the ${label.en.toLowerCase()}? (yes, or type the answer; “help” to know what is expected)`,
});

/** Whether the message is a « oui » to the unusual answer asked about at this step. */
function confirmsUnusual(application: Application, step: Step, text: string): boolean {
  return application.unconfirmed?.slot === step.slot && plainYesNo(text) === true;
}
