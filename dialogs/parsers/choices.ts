/** Yes/no, one choice or several among options: by number, id, label or a keyword, as typed or clicked. */
import type { Localized } from '../../src/core/i18n.ts';
import { perObject } from '../../src/core/per-object.ts';
import { type ChoiceOption, choiceIn, choicesIn } from '../../src/understanding/choices.ts';
import { saidOfNobody } from '../../src/understanding/negation.ts';
import { hesitatesBetween } from '../../src/understanding/unsure.ts';
import { saysLikelyOnly, yesNoAnswer } from '../../src/understanding/yes-no.ts';
import { clarify, type Parsed, refuse, unreadable } from './result.ts';

/** An option of a choice step, with its synonyms (`asso`, `mairie`, `SCIC`…) typed without accents. */
export type Option = ChoiceOption;

const YES_NO_EXPECTED: Localized = {
  fr: 'Répondez par « oui » ou « non ».',
  en: 'Please answer “yes” or “no”.',
};

/**
 * Reads yes or no at the start of a sentence (« oui bien sûr », « non pas encore », "yes I agree"), or said by
 * the step's own words for each (`keywords.yes` / `keywords.no`: « c'est notre première participation »,
 * "not our first time").
 */
export function parseBoolean(text: string, keywords: Record<string, string[]> = {}): Parsed<boolean> {
  const problem = unreadable(text);
  if (problem) return refuse(problem, YES_NO_EXPECTED);
  // "none of us has been to NEC ESS before", « aucun de nous n'est jamais venu »: the step's own words said of
  // nobody of the person's side mean their opposite — unless the clause carries the negation itself (French).
  const nobody = saidOfNobody(text);
  const ofNobody = nobody ? yesNoSaid(nobody.clause, keywords) : undefined;
  if (nobody && ofNobody) {
    const value = nobody.negated ? ofNobody.value : !ofNobody.value;
    return { ok: true, value, echo: value ? { fr: 'oui', en: 'yes' } : { fr: 'non', en: 'no' }, rest: '' };
  }
  // « peut-être », « euh je crois que oui, enfin… », "the city might say yes": neither yet, asked again with
  // both buttons — whatever the step's own words say beside the hedge.
  const said = yesNoAnswer(text);
  const reading = said === 'unsure' ? undefined : (said ?? yesNoSaid(text, keywords));
  // « probablement oui », "probably yes": a guess, asked back before the dossier says it.
  if (said === 'unsure' || saysLikelyOnly(text)) return rightOrNo();
  // "nope, never been" to "is it your first time?": the no answers another question than the step's own words
  // (« jamais venus » is a first time) — asked, never picked.
  const own = said ? yesNoSaid(text, keywords) : undefined;
  if (own && reading && own.value !== reading.value) return rightOrNo();
  if (reading === undefined) return refuse(undefined, YES_NO_EXPECTED);
  const { value, rest } = reading;
  return { ok: true, value, echo: value ? { fr: 'oui', en: 'yes' } : { fr: 'non', en: 'no' }, rest };
}

/** « Plutôt oui, ou plutôt non ? » with both as buttons. */
export const rightOrNo = () =>
  clarify({ fr: 'Plutôt oui, ou plutôt non ?', en: 'Rather yes, or rather no?' }, [
    { id: 'yes', label: { fr: 'Oui', en: 'Yes' } },
    { id: 'no', label: { fr: 'Non', en: 'No' } },
  ]);

/**
 * The yes and no of a step said in its own words, as the two options of a choice, `YES` and `NO`. Their ids are
 * no words: the words « oui » and « non » are read before (`yesNoIn`), here only the step's own words count — the
 * "no" of "no idea" is no answer. Made once per step's words (data): `choiceIn` knows the names of an option
 * list by its objects, and new ones on every message were read anew each time.
 */
export const yesNoOptions = perObject((keywords: Record<string, string[]>): Option[] => [
  { id: YES, label: { fr: '', en: '' }, keywords: keywords.yes },
  { id: NO, label: { fr: '', en: '' }, keywords: keywords.no },
]);

export const YES = '+';
const NO = '-';

/** Yes or no said by the step's words for them; a negation is part of those words ("not our first time"). */
function yesNoSaid(
  text: string,
  keywords: Record<string, string[]>,
): { value: boolean; rest: string } | undefined {
  if (!keywords.yes && !keywords.no) return undefined;
  const reading = choiceIn(text, yesNoOptions(keywords), { keepNegated: true });
  return reading.kind === 'one' ? { value: reading.id === YES, rest: '' } : undefined;
}

/** Reads one option named in a sentence: its number, id, label or a synonym; asks back when two are close. */
export function parseChoice(text: string, options: Option[]): Parsed<string> {
  const expected = expectedOf(options, false);
  const problem = unreadable(text);
  if (problem) return refuse(problem, expected);
  const reading = choiceIn(text, options);
  if (reading.kind === 'close') {
    const close = options.filter((o) => reading.ids.includes(o.id));
    return clarify(
      {
        fr: `Vous voulez dire ${close.map((o) => `« ${o.label.fr} »`).join(' ou ')} ?`,
        en: `Do you mean ${close.map((o) => `“${o.label.en}”`).join(' or ')}?`,
      },
      close.map((o) => ({ id: o.id, label: o.label })),
    );
  }
  const found = reading.kind === 'one' ? options.find((o) => o.id === reading.id) : undefined;
  if (!found) return refuse(undefined, expected);
  return { ok: true, value: found.id, echo: found.label };
}

/**
 * Reads one or several options (`1, 3`, `inclusion et accessibilité`, ids joined by commas); `stepNames` are
 * words that only name the step (« les deux champs »).
 */
export function parseChoices(text: string, options: Option[], stepNames: string[] = []): Parsed<string[]> {
  const expected = expectedOf(options, true);
  const problem = unreadable(text);
  if (problem) return refuse(problem, expected);
  const reading = choicesIn(text, options, { ignore: stepNames });
  const unknown = reading.kind === 'unknown' ? reading.pieces : [];
  const ids = reading.kind === 'some' ? reading.ids : [];
  // Named options beside words naming none: the others are « autre », and their words say which.
  const other = options.find((o) => o.id === 'other');
  if (reading.kind === 'unknown' && reading.known.length > 0 && other) {
    const chosen = options.filter((o) => reading.known.includes(o.id) || o === other);
    return {
      ok: true,
      value: chosen.map((o) => o.id),
      echo: { fr: chosen.map((o) => o.label.fr).join(', '), en: chosen.map((o) => o.label.en).join(', ') },
      rest: reading.pieces.join(', '),
    };
  }
  if (ids.length === 0) {
    const names = (open: string, close: string) => unknown.map((u) => `${open}${u}${close}`).join(', ');
    return refuse(
      unknown.length > 0
        ? { fr: `Je ne reconnais pas ${names('« ', ' »')}.`, en: `I do not recognise ${names('“', '”')}.` }
        : undefined,
      expected,
    );
  }
  const chosen = ids.map((id) => options.find((o) => o.id === id)).filter((o) => o !== undefined);
  // « on hésite entre accessibilité et inclusion »: which one — or both?
  if (chosen.length >= 2 && hesitatesBetween(text))
    return clarify(
      {
        fr: `Vous hésitez entre ${chosen.map((o) => `« ${o.label.fr} »`).join(' et ')} : lequel retenir, ou tous ?`,
        en: `You are torn between ${chosen.map((o) => `“${o.label.en}”`).join(' and ')}: which one, or all of them?`,
      },
      [
        ...chosen.map((o) => ({ id: o.id, label: o.label })),
        { id: ids.join(','), label: { fr: 'Tous', en: 'All of them' } },
      ],
    );
  return {
    ok: true,
    value: ids,
    echo: {
      fr: chosen.map((o) => o.label.fr).join(', '),
      en: chosen.map((o) => o.label.en).join(', '),
    },
  };
}

function expectedOf(options: Option[], multiple: boolean): Localized {
  const list = (lang: 'fr' | 'en') =>
    options.map((o, i) => `${i + 1}. ${o.label[lang]}`).join(lang === 'fr' ? ' ; ' : '; ');
  return multiple
    ? {
        fr: `Choisissez une ou plusieurs réponses, par leur numéro (« 1, 3 ») ou leur nom : ${list('fr')}.`,
        en: `Choose one or more answers, by number (“1, 3”) or name: ${list('en')}.`,
      }
    : {
        fr: `Choisissez une réponse, par son numéro ou son nom : ${list('fr')}.`,
        en: `Choose one answer, by number or name: ${list('en')}.`,
      };
}

/** Reads free text, refusing only what cannot be read or is too short to mean anything. */
export function parseText(text: string, minLength = 2): Parsed<string> {
  const expected: Localized = {
    fr: `J’attends une réponse d’au moins ${minLength} caractères.`,
    en: `I expect an answer of at least ${minLength} characters.`,
  };
  const problem = unreadable(text);
  if (problem) return refuse(problem, expected);
  const value = withoutLeadIn(text.trim());
  if (value.length < minLength) return refuse(undefined, expected);
  return { ok: true, value, echo: { fr: `« ${value} »`, en: `“${value}”` } };
}

/** « c'est l'association Les Liens », "our name is Open Lab": the words before the answer itself. */
const LEAD_IN =
  /^(?:(?:we['’]re|we are|it['’]s|it is) (?:called|named)|c['’]est|c\s+est|cest|ce sera|il s['’]agit d[e']|nous sommes|on est|je suis|we are|we['’]re|it['’]s|it is|(?:notre|la|our) (?:structure|association|organisation|organization|entreprise|collectivit[ée]|company) s['’]appelle|(?:elle|il|ça|ca|it) s['’]appelle|(?:le|son|notre) nom est|(?:our|its|the) name is|(?:we['’]re|it['’]s) called)\s+/i;
/** The article after a lead-in, unless written with a capital: « Les Liens Solidaires » is the name itself. */
const ARTICLE = /^(?:l['’]\s*|la\s+|le\s+|les\s+|the\s+)/;

/**
 * A yes before a short answer (« Oui, Lyon », « oui c'est l'asso Les Liens »), not a name (« Yes We Camp ») nor
 * a sentence that opens on it ("Yes, digital can be frugal: …").
 */
const LEADING_YES =
  /^(?:oui|ouais|yes|yep|ok|d['’]accord)(?:\s*[,:;.!-]+\s*|\s+(?=c['’]est\b|it['’]s\b|it is\b|we['’]re\b|nous sommes\b))/i;

/**
 * Words about the conversation before the answer (« je vous l'ai déjà dit, », "I already told you,", « comme
 * je disais : », "as I said,"): the answer is what follows them.
 */
const SAID_BEFORE =
  /^(?:(?:euh|heu|bah|ben|well|um)[\s,]+)?(?:(?:je|j['’]|on|nous)\s*(?:vous|te)?\s*(?:l['’]\s*)?(?:ai|a|avons)\s+(?:d[ée]j[àa]\s+)?(?:dit|indiqu[ée]|[ée]crit|donn[ée]|r[ée]pondu)|comme\s+(?:je\s+(?:le\s+)?(?:disais|l['’]ai\s+dit|vous\s+l['’]ai\s+dit)|dit|indiqu[ée])|je\s+(?:le\s+)?r[ée]p[èe]te|(?:i|we)(?:['’]ve|\s+have)?\s+(?:already\s+)?(?:told|said|gave|answered)(?:\s+(?:you|it|that|this))?(?:\s+(?:already|before))?|as\s+(?:i|we)\s+(?:said|told\s+you|mentioned)|like\s+i\s+said|again)\s*[,:;.!-]+\s*(?=\S)/i;

function withoutLeadIn(said: string): string {
  const typed = said.replace(SAID_BEFORE, '');
  const rest = typed.replace(LEADING_YES, '').trim();
  const text = rest !== '' && rest.split(/\s+/).length <= 6 ? rest : typed;
  if (!LEAD_IN.test(text)) return text;
  const name = text.replace(LEAD_IN, '').replace(ARTICLE, '').trim();
  return name.length > 0 ? name : text;
}
