/** The FAQ service: finds the entry a question is about and words the answer, or says honestly it does not know. */
import { dayIn, formatDay } from '../../rules/calendar.ts';
import type { Clock } from '../core/clock.ts';
import { type Lang, type Localized, t } from '../core/i18n.ts';
import type { Choice, Reply } from '../core/message.ts';
import type { Turn } from '../core/turn.ts';
import type { FaqEntry, FaqTopic, KnowledgeBase } from './knowledge-base.ts';
import { type FigureLookup, renderAnswer } from './render.ts';
import { FaqIndex, type Ranked } from './retrieval.ts';

/** What a question matched. `confident: false` means the bot must not answer with `entry`. */
export interface FaqMatch {
  /** The best entry, if any word matched at all. */
  entry?: FaqEntry;
  score: number;
  /** Share of the question the best entry covers (0–1). */
  coverage: number;
  confident: boolean;
  /** The next closest entries (up to three), offered when the bot is not sure. */
  alternatives: FaqEntry[];
}

/** Choice ids that open an entry: a click on "related question" arrives as this text. */
export const ENTRY_CHOICE_PREFIX = 'faq:';

// Tuned on eval/faq-questions.yaml: below this share of the question's (weighted) words, the bot does not guess.
const MIN_COVERAGE = 0.4;
const MAX_ALTERNATIVES = 3;
// The ANCT programme owns the NEC brand: the contact when nothing narrower applies.
const DEFAULT_CONTACT_TOPIC = 'local-nec';

export interface FaqServiceOptions {
  kb: KnowledgeBase;
  clock: Clock;
  /** The bot's time zone: "today", for dates that have passed. */
  timezone: string;
  figure: FigureLookup;
}

export class FaqService {
  kb: KnowledgeBase;
  #index: FaqIndex;
  readonly #clock: Clock;
  readonly #timezone: string;
  readonly #figure: FigureLookup;

  constructor(options: FaqServiceOptions) {
    this.kb = options.kb;
    this.#index = new FaqIndex(options.kb);
    this.#clock = options.clock;
    this.#timezone = options.timezone;
    this.#figure = options.figure;
  }

  /** Puts another knowledge base in force (managers' edits from the web console) and re-indexes it. */
  useKnowledgeBase(kb: KnowledgeBase): void {
    this.kb = kb;
    this.#index = new FaqIndex(kb);
  }

  /** Searches both languages' questions whatever `lang` is (people mix them); `lang` is the asker's, for symmetry with replies. */
  search(text: string, _lang?: Lang): FaqMatch {
    const ranked = this.#index.rank(text);
    const [best, ...rest] = ranked;
    if (!best) return { score: 0, coverage: 0, confident: false, alternatives: [] };
    const confident = best.coverage >= MIN_COVERAGE;
    return {
      entry: best.entry,
      score: best.score,
      coverage: best.coverage,
      confident,
      alternatives: (confident ? rest : ranked)
        .filter(relevant)
        .slice(0, MAX_ALTERNATIVES)
        .map((r) => r.entry),
    };
  }

  /** The reply for a match: the answer when confident, else "I don't know" with the closest topics and a contact. */
  replyFor(turn: Turn, match: FaqMatch): Reply {
    return match.confident && match.entry
      ? this.answer(match.entry, turn.lang)
      : this.unknown(match.alternatives, turn.lang);
  }

  /** The answer of an entry, with its source, related questions and, for eligibility questions, the check. */
  answer(entry: FaqEntry, lang: Lang): Reply {
    const today = dayIn(this.#clock.now(), this.#timezone);
    const rendered = renderAnswer(entry.answer[lang], lang, today, this.#figure);
    const lines = [`**${entry.title[lang]}**`, rendered.text];
    if (rendered.past.length > 0) {
      lines.push(
        t(lang, rendered.past.length === 1 ? PAST_ONE : PAST_MANY, {
          today: formatDay(today, lang),
          dates: rendered.past.join(', '),
        }),
      );
    }
    const choices: Choice[] = entry.related.flatMap((id) => {
      const related = this.kb.get(id);
      return related ? [entryChoice(related, lang)] : [];
    });
    if (entry.eligibility) {
      lines.push(t(lang, ELIGIBILITY, { call: entry.eligibility }));
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

  /** "I don't know": no guess, the closest topics as choices, and whom to ask. */
  unknown(alternatives: FaqEntry[], lang: Lang): Reply {
    const topic = this.kb.topic(alternatives[0]?.topic ?? DEFAULT_CONTACT_TOPIC);
    const lines = [t(lang, DONT_KNOW)];
    if (alternatives.length > 0) lines.push(t(lang, CLOSEST));
    if (topic) lines.push(t(lang, ASK, { contact: topic.contact[lang] }));
    lines.push(t(lang, PERSON_HINT));
    return {
      intent: 'fallback',
      text: lines.join('\n\n'),
      choices: alternatives.map((e) => entryChoice(e, lang)),
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

  /** Every topic's contact, as the sources give them. */
  contacts(lang: Lang): string {
    return this.kb.topics.map((topic) => `• **${topic.title[lang]}** — ${topic.contact[lang]}`).join('\n');
  }
}

/** An alternative worth offering: it shares more than a stray common word with the question. */
function relevant(ranked: Ranked): boolean {
  return ranked.coverage >= 0.3;
}

function entryChoice(entry: FaqEntry, lang: Lang): Choice {
  return { id: `${ENTRY_CHOICE_PREFIX}${entry.id}`, label: entry.title[lang] };
}

const SOURCE: Localized = { fr: 'Source : {title}', en: 'Source: {title}' };
const PAST_ONE: Localized = {
  fr: '⚠️ À ce jour ({today}), cette date est passée : {dates}.',
  en: '⚠️ As of today ({today}), this date has passed: {dates}.',
};
const PAST_MANY: Localized = {
  fr: '⚠️ À ce jour ({today}), ces dates sont passées : {dates}.',
  en: '⚠️ As of today ({today}), these dates have passed: {dates}.',
};
const ELIGIBILITY: Localized = {
  fr: 'Pour vérifier votre cas : `éligibilité {call}` ; pour préparer le dossier pas à pas : `candidater {call}`.',
  en: 'To check your own case: `eligibility {call}`; to prepare the application step by step: `apply {call}`.',
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
const TOPICS_INTRO: Localized = {
  fr: 'Je réponds aux questions sur ces sujets (nombre de questions). Posez la vôtre simplement, ou choisissez un sujet :',
  en: 'I answer questions on these topics (number of questions). Just ask yours, or pick a topic:',
};
