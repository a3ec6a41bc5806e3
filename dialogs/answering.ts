/**
 * Answer handling: read a message at a step the way the person meant it — an answer (with what it says
 * besides), a correction of the previous answer, a request to change another one, "I do not know yet", a
 * question about the step or for the FAQ — and never store anything but an answer.
 */

import type { Localized } from '../src/core/i18n.ts';
import type { Turn } from '../src/core/turn.ts';
import {
  correctionIn,
  correctionSaidLast,
  editRequestIn,
  isBareEdit,
  isFramedQuestion,
  isHesitation,
  isPuzzled,
  questionTopic,
  readsAsQuestion,
  saysNothing,
} from '../src/understanding/intents.ts';
import { saysNotKnownYet } from '../src/understanding/not-yet.ts';
import { contentWords } from '../src/understanding/words.ts';
import type { Answers, AnswerValue, Application } from './application.ts';
import { followReminders, sayEligibility } from './consequences.ts';
import type { DialogContext } from './context.ts';
import { edit } from './editing.ts';
import { factsIn, withoutCallNames } from './facts.ts';
import { clarify } from './parsers/result.ts';
import { advance, ask, showSummary } from './progress.ts';
import { formatAnswer } from './render.ts';
import { parseAnswer, parseForm, pruneAnswers, type Step, stepNameWords } from './steps.ts';

/** The confirmation asked on « je ne sais pas encore »: leave the step for later? */
export const SKIP_OFFER_ACTION = 'dialog-skip-offer';

/** Reads a message at the current step: stores an answer, or does what the message asks instead. */
export async function answer(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  text: string,
): Promise<void> {
  const steps = ctx.stepsOf(application);
  const step = steps.find((s) => s.slot === application.currentSlot);
  if (!step) return showSummary(ctx, turn, application);
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
  if (clicked === undefined && (await handledOtherwise(ctx, turn, application, step, text))) return;
  const parsed = readAnswer(step, text, ctx.today(turn), application.answers, clicked !== undefined);
  if (clicked === undefined && readsAsQuestion(text)) {
    // « c'est quoi le numérique responsable ? » is a question even though a word of it reads as an answer;
    // "online or hybrid?" is an answer with a question mark. Free text takes a question only ending in "?".
    const question =
      step.type === 'text'
        ? text.trim().endsWith('?')
        : isFramedQuestion(text) || (!parsed.ok && !parsed.clarify);
    const topic = question ? questionTopic(text, stepWords(step)) : undefined;
    if (topic === 'step') return stepHelp(ctx, turn, application, step);
    // An answer that is also a question (« une association, ça marche ? ») is an answer, unless the FAQ knows.
    const notAnAnswer = (!parsed.ok && !parsed.clarify) || step.type === 'text';
    if (topic && answerFromFaq(ctx, turn, text, application.callId, topic === 'elsewhere' && notAnAnswer))
      return ask(ctx, turn, application);
    if (topic && notAnAnswer) return stepHelp(ctx, turn, application, step);
  }
  if (
    clicked === undefined &&
    (step.type === 'text' || (!parsed.ok && !parsed.clarify)) &&
    saysNotKnownYet(text, { stepWords: stepNameWords(step) })
  )
    return offerSkip(ctx, turn, application, step);
  if (!parsed.ok) {
    if (parsed.clarify) {
      ctx.say(turn, {
        intent: `dialog:${application.callId}:clarify`,
        text: turn.t(parsed.clarify.question),
        ...(parsed.clarify.options.length > 0
          ? { choices: parsed.clarify.options.map((o) => ({ id: o.id, label: o.label[turn.lang] })) }
          : {}),
        data: { application: application.id, slot: step.slot },
      });
      return;
    }
    ctx.say(turn, { intent: `dialog:${application.callId}:invalid`, text: turn.t(parsed.error) });
    return ask(ctx, turn, application);
  }
  const before = application.answers[step.slot];
  application.answers[step.slot] = parsed.value;
  application.skipped = application.skipped.filter((s) => s !== step.slot);
  application.lastSlot = step.slot;
  const also = {
    ...factsAhead(ctx, turn, application, steps, step, text),
    ...detailOf(step, parsed, text, application.answers),
  };
  Object.assign(application.answers, also);
  pruneAnswers(steps, application);
  const call = ctx.call(application.callId);
  const alsoNoted = Object.entries(also).map(([slot, value]) => {
    const label = steps.find((s) => s.slot === slot)?.label[turn.lang] ?? slot;
    return `${label}${turn.lang === 'fr' ? ' : ' : ': '}${formatAnswer(call, slot, value, turn.lang)}`;
  });
  ctx.say(turn, {
    intent: `dialog:${application.callId}:noted`,
    text:
      turn.t({ fr: 'Noté : {echo}.', en: 'Noted: {echo}.' }, { echo: parsed.echo[turn.lang] }) +
      (alsoNoted.length > 0
        ? turn.t(
            { fr: ' J’ai aussi noté : {also}.', en: ' I also noted: {also}.' },
            { also: alsoNoted.join(' ; ') },
          )
        : ''),
  });
  sayEligibility(ctx, turn, application, [step.slot, ...Object.keys(also)]);
  await advance(ctx, turn, application);
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
  if (clicked || step.type !== 'text' || !saysNothing(text)) return parseAnswer(step, text, today, answers);
  return clarify(
    {
      fr: `Il me faut ici quelques mots plutôt qu’un oui ou un non : ${step.prompt.fr}`,
      en: `I need a few words here rather than a yes or a no: ${step.prompt.en}`,
    },
    [],
  );
}

/**
 * A message that is not an answer to the step: an edit of another answer, a correction of the previous
 * one, or "I do not know yet". True when it was dealt with.
 */
async function handledOtherwise(
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
  const editWords = editRequestIn(text);
  const corrected =
    correctionIn(text, step.type !== 'boolean') ??
    (step.type === 'text' || !parseForm(step, text, ctx.today(turn)).ok
      ? correctionSaidLast(text)
      : undefined);
  // « je rectifie les thèmes : inclusion », « oups, le budget total c'est 14 000 »: the step named gets the value.
  const named = namedChange(ctx, turn, application, step, editWords ?? corrected);
  if (named) {
    await applyCorrection(ctx, turn, application, named.step, named.parsed);
    return true;
  }
  if (editWords !== undefined || isBareEdit(text)) {
    await edit(ctx, turn, application, editWords ?? '');
    return true;
  }
  if (corrected !== undefined && (await correct(ctx, turn, application, step, corrected))) return true;
  // Said with nothing else, "not known yet" comes before any reading (« pas encore décidé » names no option);
  // at a yes/no step, where « pas encore » is a no, with a few more words too (« aucune idée, je dois demander »).
  const boolean = step.type === 'boolean';
  if (saysNotKnownYet(text, { yesNo: boolean, others: boolean ? 2 : 0, stepWords: stepNameWords(step) })) {
    offerSkip(ctx, turn, application, step);
    return true;
  }
  if (isPuzzled(text)) {
    await stepHelp(ctx, turn, application, step);
    return true;
  }
  if (isHesitation(text)) {
    ctx.say(turn, {
      intent: `dialog:${application.callId}:invalid`,
      text: turn.t({
        fr: 'Prenez votre temps : je n’ai pas encore de réponse. « aide » explique cette étape.',
        en: 'Take your time: I do not have an answer yet. “help” explains this step.',
      }),
    });
    await ask(ctx, turn, application);
    return true;
  }
  return false;
}

type Reading = Extract<ReturnType<typeof parseAnswer>, { ok: true }>;

/**
 * A change that names the step it changes and gives its new value (« le budget total c'est 14 000 et pas
 * 12 000 », « la date n'est plus le 23 mars, on a décalé au 8 avril », "typo in the name: it's Les Liens
 * Solidaires"): that step, given before, and the value read. A free-text step takes only a value set apart
 * (after « : » or « c'est »): « modifier le partenaire » names it without giving one.
 */
function namedChange(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  current: Step,
  said: string | undefined,
): { step: Step; parsed: Reading } | undefined {
  if (said === undefined || !contentWords(said).some((w) => !/^\d+$/.test(w))) return undefined;
  const colon = said.search(/[:=→]/);
  const naming = colon > 0 ? said.slice(0, colon) : said;
  const value = colon >= 0 ? said.slice(colon + 1).trim() : said;
  const target = ctx.stepNamed(application, naming);
  if (!target || target.slot === current.slot) return undefined;
  if (!(target.slot in application.answers) && !application.skipped.includes(target.slot)) return undefined;
  if (target.type === 'text' && colon < 0 && !/\b(?:c['’]est|it['’]s|it is)\s/i.test(said)) return undefined;
  const typed =
    target.type === 'text' && colon < 0 ? said.replace(/^.*?\b(?:c['’]est|it['’]s|it is)\s+/i, '') : value;
  const parsed = parseAnswer(target, typed, ctx.today(turn), application.answers);
  return parsed.ok ? { step: target, parsed } : undefined;
}

/**
 * « non attendez, c'est 180 »: the previous answer gets the new value — or, when it cannot take it, the one
 * earlier answer whose kind the value fits (« oups, c'est une coopérative » two steps later) — and the
 * current step is asked again.
 */
async function correct(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  current: Step,
  text: string,
): Promise<boolean> {
  const steps = ctx.stepsOf(application);
  const today = ctx.today(turn);
  const previous = steps.find((s) => s.slot === application.lastSlot && s.slot !== current.slot);
  // Free text takes anything: correcting it is only read so when the current step could not take the words.
  if (previous && !(previous.type === 'text' && parseForm(current, text, today).ok)) {
    const parsed = parseAnswer(previous, text, today, application.answers);
    if (parsed.ok) {
      await applyCorrection(ctx, turn, application, previous, parsed);
      return true;
    }
  }
  const fits = steps
    .filter((s) => s.slot !== current.slot && s.slot in application.answers && s.type !== 'text')
    .map((s) => ({ step: s, parsed: parseAnswer(s, text, today, application.answers) }))
    .filter((f): f is { step: Step; parsed: Reading } => f.parsed.ok);
  if (fits.length !== 1) return false;
  const [only] = fits as [{ step: Step; parsed: Reading }];
  await applyCorrection(ctx, turn, application, only.step, only.parsed);
  return true;
}

/** Records a corrected answer, says so (and what it changes), and asks the current step again. */
async function applyCorrection(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  target: Step,
  parsed: Reading,
): Promise<void> {
  application.answers[target.slot] = parsed.value;
  application.skipped = application.skipped.filter((s) => s !== target.slot);
  pruneAnswers(ctx.stepsOf(application), application);
  ctx.say(turn, {
    intent: `dialog:${application.callId}:corrected`,
    text: turn.t(
      { fr: 'Corrigé : {label} : {echo}.', en: 'Corrected: {label}: {echo}.' },
      { label: target.label[turn.lang], echo: parsed.echo[turn.lang] },
    ),
  });
  sayEligibility(ctx, turn, application, [target.slot]);
  await ctx.save(turn, application);
  await ask(ctx, turn, application);
  await followReminders(ctx, turn, application);
}

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
): Answers {
  // A free-text answer is taken as written: « élus de la commune » is not the organiser's kind, and a goal
  // that quotes a budget does not set it.
  if (current.type === 'text') return {};
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

/**
 * « je ne sais pas encore »: offers to leave the step for later (it stays missing in the summary). The French
 * speaks of « cette étape », not of the label, whose gender and number vary (« les partenaires »).
 */
function offerSkip(ctx: DialogContext, turn: Turn, application: Application, step: Step): void {
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

/**
 * The words of a step's label, prompt, other names and choices: a question using them is about the step. The
 * call's name is left out (« Quelle structure porte le NEC local ? »): a question about it is for the FAQ.
 */
function stepWords(step: Step): string[] {
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

/** Whether a clicked choice id answers this step (a yes/no, one or more of its choices, or an offered day or number). */
function acceptsChoice(step: Step, id: string): boolean {
  if (step.type === 'boolean') return id === 'yes' || id === 'no';
  if (step.type === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(id);
  if (step.type === 'integer' || step.type === 'number' || step.type === 'money')
    return /^\d+(\.\d+)?$/.test(id);
  return id.split(',').every((part) => step.choices?.some((c) => c.id === part) ?? false);
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
  evenUnsure: boolean,
): boolean {
  const faq = ctx.deps.services().faq;
  const match = faq?.search(text, turn.lang, { callId });
  if (!faq || !match || (!match.confident && !evenUnsure)) return false;
  ctx.say(turn, faq.replyFor(turn, match));
  ctx.say(turn, {
    intent: 'dialog:resume',
    text: turn.t({ fr: 'Reprenons la candidature.', en: 'Back to the application.' }),
  });
  return true;
}
