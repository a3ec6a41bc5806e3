/**
 * How the FAQ words its replies: an entry's answer (its source, related questions, the eligibility check), the
 * two cards of a two-part question, "the sources don't say" on a known topic, and "I don't know".
 */
import { dayIn, formatDay } from '../../rules/calendar.ts';
import type { Clock } from '../core/clock.ts';
import { type Lang, type Localized, t } from '../core/i18n.ts';
import { listOf } from '../core/lists.ts';
import type { Choice, Reply } from '../core/message.ts';
import { type Counted, plural } from '../core/plural.ts';
import type { Ask } from './ask-cues.ts';
import type { FaqEntry, FaqTopic, KnowledgeBase } from './knowledge-base.ts';
import type { FaqMatch } from './matching.ts';
import { type FigureLookup, renderAnswer } from './render.ts';

/** Choice ids that open an entry: a click on "related question" arrives as this text. */
export const ENTRY_CHOICE_PREFIX = 'faq:';

// The ANCT programme owns the NEC brand: the contact when nothing narrower applies.
const DEFAULT_CONTACT_TOPIC = 'local-nec';
const MAX_SAID = 3;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu;

export interface FaqRepliesOptions {
  kb: KnowledgeBase;
  clock: Clock;
  /** The bot's time zone: "today", for dates that have passed. */
  timezone: string;
  figure: FigureLookup;
}

export class FaqReplies {
  kb: KnowledgeBase;
  readonly #clock: Clock;
  readonly #timezone: string;
  readonly #figure: FigureLookup;

  constructor(options: FaqRepliesOptions) {
    this.kb = options.kb;
    this.#clock = options.clock;
    this.#timezone = options.timezone;
    this.#figure = options.figure;
  }

  /**
   * The reply for a match: the answer (of one entry, or two for a two-part question) when confident; "the
   * sources don't say" when the topic is known but not the fact; else "I don't know" with the closest topics
   * (and, inside an application, `callId`'s contact).
   */
  replyFor(turn: { lang: Lang; callId?: string }, match: FaqMatch): Reply {
    const { entry, second } = match;
    if (match.unknown && match.topic)
      return this.notInSources(match.topic, match.unknown, match.alternatives, turn.lang);
    if (!match.confident || !entry) return this.unknown(match.alternatives, turn.lang, turn.callId);
    if (entry.unknown) return this.saysUnknown(entry, turn.lang);
    if (match.missing) {
      // Answered in part: the rest is said to be missing, not guessed.
      const answer = this.answer(entry, turn.lang);
      const what = notGiven(match.missing.asks, match.missing.years, turn.lang);
      return {
        ...answer,
        text: `${answer.text}\n\n${t(turn.lang, PART_MISSING, { what })}`,
        data: { ...answer.data, missing: match.missing.asks },
      };
    }
    if (!second) return this.answer(entry, turn.lang);
    const [first, next] = [this.answer(entry, turn.lang), this.answer(second, turn.lang)];
    return {
      intent: `faq:${entry.id}+${second.id}`,
      text: `${first.text}\n\n${next.text}`,
      choices: [...(first.choices ?? []), ...(next.choices ?? [])].filter(
        (c, i, all) => all.findIndex((o) => o.id === c.id) === i,
      ),
      data: { entries: [entry.id, second.id], topic: entry.topic },
    };
  }

  /**
   * A known unknown: the question is about a topic the sources cover, but not the fact asked for (« the 2026
   * dates », "SOGA's e-mail"). Says so, names what they do say on the topic, and whom to ask.
   */
  notInSources(
    topicId: string,
    unknown: NonNullable<FaqMatch['unknown']>,
    closest: FaqEntry[],
    lang: Lang,
  ): Reply {
    const topic = this.kb.topic(topicId);
    if (!topic) return this.unknown(closest, lang);
    const lines = [
      t(lang, NOT_IN_SOURCES, {
        what: notGiven(unknown.asks, unknown.years, lang),
        topic: topic.title[lang],
      }),
    ];
    const said = closest.length > 0 ? closest : topic.entries.slice(0, MAX_SAID);
    lines.push(
      t(lang, WHAT_THEY_SAY, {
        titles: listOf(
          said.map((e) => t(lang, QUOTED, { title: e.title[lang] })),
          lang,
        ),
      }),
    );
    lines.push(t(lang, ASK, { contact: topic.contact[lang] }));
    return {
      intent: `fallback:${topic.id}`,
      text: lines.join('\n\n'),
      choices: said.map((e) => entryChoice(e, lang)),
      data: { unanswered: true, topic: topic.id, asks: unknown.asks },
    };
  }

  /** An entry that records what the sources do not hold: its text, given as a fallback, not as an answer. */
  saysUnknown(entry: FaqEntry, lang: Lang): Reply {
    const answer = this.answer(entry, lang);
    return { ...answer, intent: `fallback:${entry.topic}`, data: { ...answer.data, unanswered: true } };
  }

  /** The answer of an entry, with its source, related questions and, for eligibility questions, the check. */
  answer(entry: FaqEntry, lang: Lang): Reply {
    const today = dayIn(this.#clock.now(), this.#timezone);
    const rendered = renderAnswer(entry.answer[lang], lang, today, this.#figure);
    const lines = [`**${entry.title[lang]}**`, rendered.text];
    if (rendered.past.length > 0) {
      lines.push(
        plural(lang, rendered.past.length, rendered.allPast ? ALL_PAST : PAST_DATES, {
          today: formatDay(today, lang),
          dates: rendered.past.join(', '),
        }),
      );
    }
    const choices: Choice[] = entry.related.flatMap((id) => {
      const related = this.kb.get(id);
      return related ? [entryChoice(related, lang)] : [];
    });
    // The eligibility check and the application dialog are offered as choices, not spelled out: the answer
    // stays one card.
    if (entry.eligibility) {
      choices.unshift(
        { id: `eligibility ${entry.eligibility}`, label: t(lang, CHECK_LABEL) },
        { id: `apply ${entry.eligibility}`, label: t(lang, APPLY_LABEL) },
      );
    }
    lines.push(`_${t(lang, SOURCE, { title: entry.source.title[lang] })}_`);
    return {
      intent: `faq:${entry.id}`,
      text: lines.join('\n\n'),
      choices,
      data: { entry: entry.id, topic: entry.topic, source: entry.source },
    };
  }

  /**
   * "I don't know": no guess, the closest entries as choices, and whom to ask. Inside an application, only the
   * call's own entries are offered (another topic's, « Inscription à NEC ESS » in a local NEC application, is a
   * guess about the question that leads away from the call) and the contact is the call's. Elsewhere the
   * contact is the general NEC one: the closest entry is a guess, so would be its topic's contact.
   */
  unknown(alternatives: FaqEntry[], lang: Lang, callId?: string): Reply {
    const ofCall = callId === undefined ? undefined : this.topicOfCall(callId);
    const offered = ofCall ? alternatives.filter((e) => e.topic === ofCall.id) : alternatives;
    const topic = ofCall ?? this.kb.topic(DEFAULT_CONTACT_TOPIC);
    const lines = [t(lang, DONT_KNOW)];
    if (offered.length > 0) lines.push(t(lang, CLOSEST));
    if (topic) lines.push(t(lang, ASK, { contact: topic.contact[lang] }));
    lines.push(t(lang, PERSON_HINT));
    return {
      intent: 'fallback',
      text: lines.join('\n\n'),
      choices: offered.map((e) => entryChoice(e, lang)),
      data: { unanswered: true },
    };
  }

  /** The topics the FAQ covers, each offered as a choice that lists its questions. */
  topics(lang: Lang): Reply {
    return {
      intent: 'faq:topics',
      text: [
        t(lang, TOPICS_INTRO),
        ...this.kb.topics.map((topic) => `• **${topic.title[lang]}** — ${topic.entries.length}`),
      ].join('\n'),
      choices: this.kb.topics.map((topic) => ({ id: `faq ${topic.id}`, label: topic.title[lang] })),
    };
  }

  /** The questions of one topic, as choices. */
  topicEntries(topic: FaqTopic, lang: Lang): Reply {
    return {
      intent: 'faq:topics',
      text: `**${topic.title[lang]}**\n${topic.entries.map((e) => `• ${e.title[lang]}`).join('\n')}`,
      choices: topic.entries.map((e) => entryChoice(e, lang)),
    };
  }

  /** The topic that covers a call (its `calls` name it): whom to ask about that call is its contact. */
  topicOfCall(callId: string): FaqTopic | undefined {
    return this.kb.topics.find((t) => t.calls.includes(callId));
  }

  /**
   * Every topic's contact, as the sources give them, once each: topics whose contact gives the same e-mail
   * addresses (the ANCT programme's, for the local NECs and the contacts card) share one line. `except`'s
   * contact (already given, for the call being prepared) is left out, with the topics sharing it.
   */
  contacts(lang: Lang, except?: FaqTopic): string {
    const keyOf = (contact: string) => contact.match(EMAIL)?.sort().join(' ') || contact;
    const lines = new Map<string, { titles: string[]; contact: string }>();
    for (const topic of this.kb.topics) {
      const contact = topic.contact[lang];
      const key = keyOf(contact);
      if (except && key === keyOf(except.contact[lang])) continue;
      const line = lines.get(key);
      if (line) line.titles.push(topic.title[lang]);
      else lines.set(key, { titles: [topic.title[lang]], contact });
    }
    return [...lines.values()]
      .map(({ titles, contact }) => `• ${titles.map((title) => `**${title}**`).join(', ')} — ${contact}`)
      .join('\n');
  }
}

/**
 * What the sources do not give, as one noun phrase after « ne donnent pas » / "do not give": the facts asked for
 * (« cette date ou ce lieu »), for the years asked (« … pour 2026 »), or « d'information pour 2026 » alone.
 */
function notGiven(asks: Ask[], years: string[], lang: Lang): string {
  const facts = asks.map((ask) => t(lang, ASK_NAMES[ask]));
  const forYears = years.length > 0 ? t(lang, FOR_YEARS, { years: listOf(years, lang, 'conjunction') }) : '';
  if (facts.length === 0) return years.length > 0 ? t(lang, ANYTHING, { forYears }) : t(lang, THAT);
  return `${listOf(facts, lang, 'disjunction')}${forYears}`;
}

function entryChoice(entry: FaqEntry, lang: Lang): Choice {
  return { id: `${ENTRY_CHOICE_PREFIX}${entry.id}`, label: entry.title[lang] };
}

const SOURCE: Localized = { fr: 'Source : {title}', en: 'Source: {title}' };
// Every day the answer names is past: the notice need not name them again (the card stays short).
const ALL_PAST: Counted = {
  fr: {
    one: '⚠️ À ce jour ({today}), cette date est passée.',
    other: '⚠️ À ce jour ({today}), ces dates sont passées.',
  },
  en: {
    one: '⚠️ As of today ({today}), this date has passed.',
    other: '⚠️ As of today ({today}), these dates have passed.',
  },
};
const PAST_DATES: Counted = {
  fr: {
    one: '⚠️ À ce jour ({today}), cette date est passée : {dates}.',
    other: '⚠️ À ce jour ({today}), ces dates sont passées : {dates}.',
  },
  en: {
    one: '⚠️ As of today ({today}), this date has passed: {dates}.',
    other: '⚠️ As of today ({today}), these dates have passed: {dates}.',
  },
};
const CHECK_LABEL: Localized = { fr: 'Vérifier mon éligibilité', en: 'Check my eligibility' };
const APPLY_LABEL: Localized = { fr: 'Préparer ma candidature', en: 'Prepare my application' };
const DONT_KNOW: Localized = {
  fr: 'Je n’ai pas de réponse sûre à cette question dans mes sources, et je préfère ne pas deviner.',
  en: 'I have no reliable answer to that question in my sources, and I would rather not guess.',
};
const CLOSEST: Localized = {
  fr: 'Les sujets les plus proches que je connais sont proposés ci-dessous.',
  en: 'The closest topics I know are offered below.',
};
const ASK: Localized = { fr: 'Pour une réponse sûre : {contact}', en: 'For a reliable answer: {contact}' };
const PERSON_HINT: Localized = {
  fr: 'Écrivez « parler à quelqu’un » pour joindre une personne, ou « faq » pour voir les sujets.',
  en: 'Type “talk to a person” to reach someone, or “faq” to see the topics.',
};
const NOT_IN_SOURCES: Localized = {
  fr: 'Mes sources sur « {topic} » ne donnent pas {what} : je préfère ne pas deviner.',
  en: 'My sources on “{topic}” do not give {what}, and I would rather not guess.',
};
const WHAT_THEY_SAY: Localized = {
  fr: 'Ce qu’elles disent sur ce sujet : {titles} (ci-dessous).',
  en: 'What they do say on this topic: {titles} (below).',
};
// Titles are questions (« Qui peut organiser un NEC local ? »): quoted, a list of them stays readable.
const QUOTED: Localized = { fr: '« {title} »', en: '“{title}”' };
const PART_MISSING: Localized = {
  fr: 'En revanche, mes sources ne donnent pas {what}.',
  en: 'My sources do not give {what}, though.',
};
const THAT: Localized = { fr: 'cette information', en: 'that' };
const ANYTHING: Localized = { fr: 'd’information{forYears}', en: 'anything{forYears}' };
const FOR_YEARS: Localized = { fr: ' pour {years}', en: ' for {years}' };
const ASK_NAMES: Record<Ask, Localized> = {
  date: { fr: 'cette date', en: 'that date' },
  next: { fr: 'la prochaine date', en: 'the next date' },
  deadline: { fr: 'cette date limite', en: 'that deadline' },
  place: { fr: 'ce lieu', en: 'that place' },
  duration: { fr: 'cette durée', en: 'how long it takes' },
  hours: { fr: 'les horaires', en: 'the opening hours' },
  address: { fr: 'l’adresse postale', en: 'a street address' },
  amount: { fr: 'ce montant', en: 'that amount' },
  price: { fr: 'ce prix', en: 'that price' },
  contact: { fr: 'ce contact', en: 'that contact' },
  email: { fr: 'cette adresse e-mail', en: 'that e-mail address' },
  phone: { fr: 'ce numéro de téléphone', en: 'that phone number' },
  web: { fr: 'cette adresse web', en: 'that web address' },
  name: { fr: 'ce nom', en: 'that name' },
  head: { fr: 'qui le dirige', en: 'who heads it' },
  role: { fr: 'cette fonction', en: 'that job title' },
  language: { fr: 'la langue', en: 'the language' },
  counts: { fr: 'ce qui est compté ou compris', en: 'what counts or is included' },
  scope: { fr: 'ce qui est financé ou couvert', en: 'what is funded or covered' },
  'who-may': { fr: 'qui y a droit', en: 'who is eligible' },
  how: { fr: 'cette démarche', en: 'how to do it' },
  figures: { fr: 'ce chiffre', en: 'that figure' },
  winners: { fr: 'la liste des lauréats', en: 'the list of winners' },
};
const TOPICS_INTRO: Localized = {
  fr: 'Je réponds aux questions sur ces sujets (nombre de questions). Posez la vôtre simplement, ou choisissez un sujet :',
  en: 'I answer questions on these topics (number of questions). Just ask yours, or pick a topic:',
};
