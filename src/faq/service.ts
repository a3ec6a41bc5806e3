/** The FAQ service: finds the entry a question is about and words the answer, or says honestly it does not know. */
import { dayIn, formatDay } from '../../rules/calendar.ts';
import type { Clock } from '../core/clock.ts';
import { type Lang, type Localized, t } from '../core/i18n.ts';
import type { Choice, Reply } from '../core/message.ts';
import { type Counted, plural } from '../core/plural.ts';
import type { Turn } from '../core/turn.ts';
import { type Ask, type Asked, readAsks } from './asks.ts';
import { isUnreadable } from './input.ts';
import type { FaqEntry, FaqTopic, KnowledgeBase } from './knowledge-base.ts';
import { type FigureLookup, renderAnswer } from './render.ts';
import { FaqIndex, isContext, type Ranked } from './retrieval.ts';
import { isFiller, searchTerms, words } from './terms.ts';
import { TopicFinder } from './topics.ts';

// `{figure:<call>.<name>}` or `{date:YYYY-MM-DD}` (render.ts fills them for display).
const PLACEHOLDER_DAY = /\{(?:figure|date):([a-z0-9_.-]+)(?:\|\w+)?\}/g;
const NO_MATCH: FaqMatch = { score: 0, coverage: 0, confident: false, alternatives: [] };
// Words opening a follow-up question (« et la date limite ? », "and the fee?").
const FOLLOW_UP_OPENERS = new Set(['et', 'and', 'also', 'aussi', 'sinon']);

/** What a question matched. `confident: false` means the bot must not answer with `entry`. */
export interface FaqMatch {
  /** The chosen entry, if any word matched at all. */
  entry?: FaqEntry;
  /** A second entry, for a question asking two things that two entries answer. */
  second?: FaqEntry;
  score: number;
  /** Share of the question's subject the chosen entry covers (0–1). */
  coverage: number;
  confident: boolean;
  /** The next closest entries (up to three), offered when the bot is not sure. */
  alternatives: FaqEntry[];
  /** The topic the question is about, when it is known (named, or that of a confident entry). */
  topic?: string;
  /** The topic is known but none of its entries holds the fact asked for: the sources do not say it. */
  unknown?: { asks: Ask[]; years: string[] };
  /** The evidence, for a manager trying a question: the kinds of fact it asks for (date, contact…). */
  asks?: Ask[];
  /** The question's search terms the chosen entry matched. */
  matched?: string[];
  /** The coverage the chosen entry needed to be answered with, when coverage decided. */
  threshold?: number;
}

/** Where a question is asked: it may lean on what came before. */
export interface FaqContext {
  /** The call whose application is in progress: its topic's entries come first. */
  callId?: string;
  /** The topic of the person's previous question: a follow-up (« et la date limite ? ») stays on it. */
  previousTopic?: string;
}

/** Choice ids that open an entry: a click on "related question" arrives as this text. */
export const ENTRY_CHOICE_PREFIX = 'faq:';

// Tuned on eval/faq-questions.yaml: below this share of the question's (weighted) subject words, the bot does
// not guess. On a topic the question names, fewer words need to match: the topic is already certain.
const MIN_COVERAGE_NAMED = 0.3;
const MAX_ALTERNATIVES = 3;
// The ANCT programme owns the NEC brand: the contact when nothing narrower applies.
const DEFAULT_CONTACT_TOPIC = 'local-nec';
// A question naming no topic must match more of its words: a near miss shares a word or two with an entry
// ("train ticket to Lyon") but is about something else.
const MIN_COVERAGE_UNNAMED = 0.45;
// How far down the lexical ranking an entry holding the asked-for fact is looked for.
const ASK_DEPTH = 12;
const CONTACTS_TOPIC = 'contacts';

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
  #topics: TopicFinder;
  /** Whether a word is one the knowledge base uses: such a word is no typo of an ask's cue (« contract »). */
  #isWord: (word: string) => boolean;
  readonly #clock: Clock;
  readonly #timezone: string;
  readonly #figure: FigureLookup;

  constructor(options: FaqServiceOptions) {
    this.#clock = options.clock;
    this.#timezone = options.timezone;
    this.#figure = options.figure;
    this.kb = options.kb;
    this.#index = new FaqIndex(options.kb);
    this.#topics = new TopicFinder(options.kb);
    this.#isWord = vocabularyOf(options.kb);
  }

  /** Puts another knowledge base in force (managers' edits from the web console) and re-indexes it. */
  useKnowledgeBase(kb: KnowledgeBase): void {
    this.kb = kb;
    this.#index = new FaqIndex(kb);
    this.#topics = new TopicFinder(kb);
    this.#isWord = vocabularyOf(kb);
  }

  /**
   * Finds the entry that answers a question: on the topic it names (or, failing that, the current call's or the
   * previous question's, or that of the best match), the best-ranked entry holding the kind of fact asked for.
   * Searches both languages' questions whatever `lang` is (people mix them).
   */
  search(text: string, _lang?: Lang, context: FaqContext = {}): FaqMatch {
    if (isUnreadable(text)) return NO_MATCH;
    const typed = words(text);
    const asked = readAsks(typed, this.#isWord);
    const found = this.#topics.find(typed);
    // Filler (« genre », "basically", « je découvre ») the knowledge base never uses is no subject either.
    const meant = (w: string, i: number) => !found.nameWords.has(i) && !(isFiller(w) && !this.#isWord(w));
    const question: Question = {
      text: typed.filter((w) => !(isFiller(w) && !this.#isWord(w))).join(' '),
      subject: typed.filter(meant).join(' '),
      asked,
      askTerms: new Set([...asked.cueWords, ...asked.years].flatMap((w) => searchTerms(w))),
    };
    const asks = [...asked.asks];
    const [named] = found.topics;
    if (named) return { ...this.#within(named, question), asks };
    const leaning = this.#leaning(context, typed, question);
    if (leaning) {
      const match = this.#within(leaning, question);
      if (match.confident || match.unknown) return { ...match, asks };
    }
    return { ...this.#anywhere(question), asks };
  }

  /** The answer on a known topic: its entry holding the fact asked for, or "the sources don't say". */
  #within(topicId: string, question: Question): FaqMatch {
    const topic = this.kb.topic(topicId);
    if (!topic) return NO_MATCH;
    const { asked } = question;
    const asks = [...asked.asks];
    const ranked = this.#index
      .rank(question.subject, question.askTerms, { onTopic: true })
      .filter((r) => r.entry.topic === topicId);
    const subjectTerms = searchTerms(question.subject).filter(
      (term) => !question.askTerms.has(term) && !isContext(term),
    );
    if (subjectTerms.length === 0) {
      // Nothing but the topic's name, what is asked, a year or the scene: the overview, or the topic's entry that
      // holds the fact (the words there were, for the order).
      const [overview] = topic.entries;
      if (asks.length === 0 && asked.years.length === 0 && overview)
        return { ...sure(overview), topic: topicId };
      const entries = [...new Set([...ranked.map((r) => r.entry), ...topic.entries])];
      const dated = entries.filter((e) => this.#holdsYears(e, asked.years));
      const holder = dated.find((e) => holdsAll(e, asks)) ?? dated.find((e) => holdsAny(e, asks));
      if (!holder) return this.#notInSources(topicId, asked, ranked);
      return { ...sure(holder), topic: topicId, second: this.#secondPart(holder, asks, entries) };
    }
    const yearKnown = asked.years.length === 0 || topic.entries.some((e) => this.#holdsYears(e, asked.years));
    // A fact asked for a year (« combien de participants en 2023 ») must be held for that year.
    const holds = (r: Ranked) =>
      holdsAny(r.entry, asks) && (asks.length === 0 || this.#holdsYears(r.entry, asked.years));
    const chosen = yearKnown ? ranked.slice(0, ASK_DEPTH).find(holds) : undefined;
    if (!chosen) {
      if (asks.length > 0 || !yearKnown) return this.#notInSources(topicId, asked, ranked);
      return { ...this.#unsure(ranked), topic: topicId };
    }
    return this.#chosen(chosen, ranked, asks, MIN_COVERAGE_NAMED);
  }

  /** The answer when the question names no topic: the best match, on its own topic, holding the fact asked. */
  #anywhere(question: Question): FaqMatch {
    const { asked } = question;
    const asks = [...asked.asks];
    const ranked = this.#index.rank(question.text, question.askTerms);
    const [top] = ranked;
    if (!top) return NO_MATCH;
    const about = top.coverage >= MIN_COVERAGE_UNNAMED ? top.entry.topic : undefined;
    const onTopic = ranked.filter((r) => about === undefined || r.entry.topic === about);
    const chosen = onTopic
      .slice(0, ASK_DEPTH)
      .find((r) => holdsAny(r.entry, asks) && this.#holdsYears(r.entry, asked.years));
    if (!chosen) {
      if (about !== undefined && about !== CONTACTS_TOPIC && (asks.length > 0 || asked.years.length > 0))
        return this.#notInSources(about, asked, onTopic);
      return this.#unsure(ranked);
    }
    return this.#chosen(chosen, onTopic, asks, MIN_COVERAGE_UNNAMED);
  }

  /** A match on `chosen`, confident when it covers enough of the question, with a second part if asked. */
  #chosen(chosen: Ranked, ranked: Ranked[], asks: Ask[], minCoverage: number): FaqMatch {
    const confident = chosen.coverage >= minCoverage;
    const rest = ranked.filter((r) => r !== chosen);
    return {
      entry: chosen.entry,
      second: confident
        ? this.#secondPart(
            chosen.entry,
            asks,
            rest.map((r) => r.entry),
          )
        : undefined,
      score: chosen.score,
      coverage: chosen.coverage,
      matched: chosen.terms,
      threshold: minCoverage,
      confident,
      alternatives: (confident ? rest : ranked)
        .filter(relevant)
        .slice(0, MAX_ALTERNATIVES)
        .map((r) => r.entry),
      topic: chosen.entry.topic,
    };
  }

  /** "The sources don't say": the topic is known, the fact asked for is not in it. */
  #notInSources(topicId: string, asked: Asked, ranked: Ranked[]): FaqMatch {
    return {
      ...this.#unsure(ranked),
      confident: false,
      topic: topicId,
      unknown: { asks: [...asked.asks], years: asked.years.filter((y) => !this.#topicHoldsYear(topicId, y)) },
    };
  }

  #topicHoldsYear(topicId: string, year: string): boolean {
    return (this.kb.topic(topicId)?.entries ?? []).some((e) => this.#holdsYears(e, [year]));
  }

  /**
   * The topic a question that names none leans on: the previous question's for a follow-up (« et la date
   * limite ? »: nothing but what is asked, or opening with « et » / "and"), else the current call's.
   */
  #leaning(context: FaqContext, typed: string[], question: Question): string | undefined {
    const subjectless = searchTerms(question.subject).every((term) => question.askTerms.has(term));
    const followUp = FOLLOW_UP_OPENERS.has(typed[0] ?? '') || subjectless;
    if (context.previousTopic !== undefined && followUp) return context.previousTopic;
    if (context.callId === undefined) return undefined;
    return this.kb.topics.find((t) => t.calls.includes(context.callId ?? ''))?.id;
  }

  /** For a question asking two things, an entry of the same topic answering what the chosen one does not. */
  #secondPart(chosen: FaqEntry, asks: Ask[], others: FaqEntry[]): FaqEntry | undefined {
    const missing = asks.filter((ask) => !answersAsk(chosen, ask));
    if (missing.length === 0 || missing.length === asks.length) return undefined;
    return others
      .slice(0, ASK_DEPTH)
      .find((e) => e !== chosen && e.topic === chosen.topic && holdsAll(e, missing));
  }

  /** Whether an entry speaks of every year a question names (« NEC ESS 2026 » is not the 2025 edition). */
  #holdsYears(entry: FaqEntry, years: string[]): boolean {
    if (years.length === 0) return true;
    // The days an answer's placeholders stand for count by their year; nothing needs formatting for that.
    const text = [entry.answer.fr, entry.answer.en, entry.title.fr, entry.title.en]
      .join(' ')
      .replace(PLACEHOLDER_DAY, (whole, ref: string) => {
        const [call = '', name = ''] = ref.split('.');
        const value = ref.includes('.') ? this.#figure(call, name) : ref;
        return typeof value === 'string' ? value : whole;
      });
    // A period (« 2024-2026 ») is not an edition: only a year standing alone counts.
    const standing = text.replace(/\d{4}\s*[-–]\s*\d{4}/g, ' ');
    return years.every((year) => standing.includes(year));
  }

  /** No sure answer: the closest entries, for the choices of the fallback. */
  #unsure(ranked: Ranked[]): FaqMatch {
    const [best] = ranked;
    return {
      entry: best?.entry,
      score: best?.score ?? 0,
      coverage: best?.coverage ?? 0,
      matched: best?.terms,
      confident: false,
      alternatives: ranked
        .filter(relevant)
        .slice(0, MAX_ALTERNATIVES)
        .map((r) => r.entry),
    };
  }

  /**
   * The reply for a match: the answer (of one entry, or two for a two-part question) when confident; "the
   * sources don't say" when the topic is known but not the fact; else "I don't know" with the closest topics.
   */
  replyFor(turn: Turn, match: FaqMatch): Reply {
    const { entry, second } = match;
    if (match.unknown && match.topic)
      return this.notInSources(match.topic, match.unknown, match.alternatives, turn.lang);
    if (!match.confident || !entry) return this.unknown(match.alternatives, turn.lang);
    if (entry.unknown) return this.saysUnknown(entry, turn.lang);
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
    const what = [
      ...unknown.asks.map((ask) => t(lang, ASK_NAMES[ask])),
      ...unknown.years.map((year) => t(lang, YEAR_NAME, { year })),
    ];
    const lines = [
      t(lang, NOT_IN_SOURCES, {
        what: what.length > 0 ? listOf(what, lang) : t(lang, THAT),
        topic: topic.title[lang],
      }),
    ];
    const said = closest.length > 0 ? closest : topic.entries.slice(0, MAX_ALTERNATIVES);
    lines.push(t(lang, WHAT_THEY_SAY, { titles: said.map((e) => e.title[lang]).join(' ; ') }));
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
        plural(lang, rendered.past.length, PAST_DATES, {
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

/** Whether a word is one of the knowledge base's (in its questions, titles or answers). */
function vocabularyOf(kb: KnowledgeBase): (word: string) => boolean {
  const vocabulary = new Set(
    kb.entries.flatMap((e) =>
      words(
        [
          ...e.questions.fr,
          ...e.questions.en,
          ...e.keywords.fr,
          ...e.keywords.en,
          e.answer.fr,
          e.answer.en,
          e.title.fr,
          e.title.en,
        ].join(' '),
      ),
    ),
  );
  return (word) => vocabulary.has(word);
}

/** What the search works on, read once from the question. */
interface Question {
  text: string;
  /** The question without the topic's names. */
  subject: string;
  asked: Asked;
  /** Search terms of the words saying what is asked, and of years: not the question's subject. */
  askTerms: Set<string>;
}

/** A sure match on an entry found by what is asked alone (the question names the topic and nothing else). */
function sure(entry: FaqEntry): FaqMatch {
  return { entry, score: 0, coverage: 1, confident: true, alternatives: [] };
}

/** Whether an entry holds one of the facts asked for (any entry, when nothing in particular is asked). */
function holdsAny(entry: FaqEntry, asks: Ask[]): boolean {
  return asks.length === 0 || asks.some((ask) => answersAsk(entry, ask));
}

function holdsAll(entry: FaqEntry, asks: Ask[]): boolean {
  return asks.every((ask) => answersAsk(entry, ask));
}

/** Whether an entry holds the kind of fact asked for (a date is also given by a deadline, a contact by an e-mail). */
function answersAsk(entry: FaqEntry, ask: Ask): boolean {
  const holds = entry.answers;
  if (ask === 'contact')
    return holds.includes('contact') || holds.includes('email') || holds.includes('phone');
  return holds.includes(ask);
}

function listOf(items: string[], lang: Lang): string {
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);
}

function entryChoice(entry: FaqEntry, lang: Lang): Choice {
  return { id: `${ENTRY_CHOICE_PREFIX}${entry.id}`, label: entry.title[lang] };
}

const SOURCE: Localized = { fr: 'Source : {title}', en: 'Source: {title}' };
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
const THAT: Localized = { fr: 'cette information', en: 'that' };
const YEAR_NAME: Localized = { fr: 'd’information pour {year}', en: 'anything for {year}' };
const ASK_NAMES: Record<Ask, Localized> = {
  date: { fr: 'cette date', en: 'that date' },
  next: { fr: 'la prochaine date', en: 'the next date' },
  deadline: { fr: 'cette date limite', en: 'that deadline' },
  place: { fr: 'ce lieu', en: 'that place' },
  address: { fr: 'd’adresse postale', en: 'a street address' },
  amount: { fr: 'ce montant ni ce prix', en: 'that amount or price' },
  contact: { fr: 'ce contact', en: 'that contact' },
  email: { fr: 'cette adresse e-mail', en: 'that e-mail address' },
  phone: { fr: 'ce numéro de téléphone', en: 'that phone number' },
  'who-may': { fr: 'qui y a droit', en: 'who is eligible' },
  how: { fr: 'cette démarche', en: 'how to do it' },
  figures: { fr: 'ce chiffre', en: 'that figure' },
  winners: { fr: 'la liste des lauréats', en: 'the list of winners' },
};
const TOPICS_INTRO: Localized = {
  fr: 'Je réponds aux questions sur ces sujets (nombre de questions). Posez la vôtre simplement, ou choisissez un sujet :',
  en: 'I answer questions on these topics (number of questions). Just ask yours, or pick a topic:',
};
