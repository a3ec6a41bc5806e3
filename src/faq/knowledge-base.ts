/** The FAQ knowledge base: YAML data files (one per topic), validated at load so a bad edit fails loudly. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Localized } from '../core/i18n.ts';
import { ASKS } from './ask-cues.ts';
import { shownFacts } from './holding.ts';

const localized = z.strictObject({ fr: z.string().trim().min(1), en: z.string().trim().min(1) });
const localizedList = z.strictObject({
  fr: z.array(z.string().trim().min(1)).min(1),
  en: z.array(z.string().trim().min(1)).min(1),
});
// Keywords may be bare numbers in YAML (`2009`, `948`): read them as words.
const keyword = z.union([z.string().trim().min(1), z.number()]).transform(String);
const keywords = z.strictObject({ fr: z.array(keyword), en: z.array(keyword) });
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens');

export const entrySchema = z.strictObject({
  id,
  /** Short label, used for choices and the `faq` topic list. */
  title: localized,
  /** Ways people ask it; the search matches on them (in both languages, whatever the asker's). */
  questions: localizedList,
  /** Extra words that point to the entry (synonyms, names, English words used in French…). */
  keywords,
  /** The answer: short, with figures; `{figure:<call>.<name>}` and `{date:YYYY-MM-DD}` are filled at reply time. */
  answer: localized,
  source: z.strictObject({ title: localized, file: z.string().min(1) }),
  related: z.array(id).default([]),
  /** A call id: the answer offers the eligibility check and the application dialog for it. */
  eligibility: z.string().optional(),
  /**
   * The kinds of fact the answer holds (asks.ts): a question asking for a date, a place, an amount… is answered
   * only by an entry listing that ask. List only what the answer really states.
   */
  answers: z.array(z.enum(ASKS)).default([]),
  /**
   * The answer says what the sources do not hold (« the rules give no amount »): it is given as a fallback, not
   * as an answer, and the question is logged as unanswered.
   */
  unknown: z.boolean().default(false),
});

const topicFileSchema = z.strictObject({
  topic: z.strictObject({
    id,
    title: localized,
    /** Whom to ask when the FAQ has no answer on this topic (from the sources, or that they name none). */
    contact: localized,
    /**
     * The topic's own names (« nec ess », « numérique inclusif et responsable »): a question naming one is about
     * this topic, and the name is then left out of the matching, so the rest of the question picks the entry
     * rather than the name pulling every question to the overview.
     */
    names: z.array(z.string().trim().min(1)).default([]),
    /**
     * What belongs to the topic alone (its people, events, places: "soga", « musée social »): a question
     * mentioning one is about this topic, and the mention stays in the matching (it points to an entry).
     */
    mentions: z.array(z.string().trim().min(1)).default([]),
    /** Calls (rules/calls) whose application this topic is about: inside that dialog, its entries come first. */
    calls: z.array(id).default([]),
  }),
  /** The first entry is the topic's overview: the answer to a question that only names the topic. */
  entries: z.array(entrySchema).min(1),
});

/** A topic, as its file's head gives it (and as a manager creates one in the web console). */
export const topicSchema = topicFileSchema.shape.topic;

export type FaqEntry = z.infer<typeof entrySchema> & { topic: string };
export interface FaqTopic {
  id: string;
  title: Localized;
  contact: Localized;
  names: string[];
  mentions: string[];
  calls: string[];
  entries: FaqEntry[];
}

/** All topics and entries, with lookups. */
export class KnowledgeBase {
  readonly topics: FaqTopic[];
  readonly entries: FaqEntry[];
  readonly #byId: Map<string, FaqEntry>;

  constructor(topics: FaqTopic[]) {
    this.topics = topics;
    this.entries = topics.flatMap((t) => t.entries);
    this.#byId = new Map(this.entries.map((e) => [e.id, e]));
    const problems = [
      ...duplicates(this.entries.map((e) => e.id)).map((d) => `duplicate entry id ${d}`),
      ...this.entries.flatMap((e) =>
        e.related.filter((r) => !this.#byId.has(r)).map((r) => `${e.id}: related entry ${r} does not exist`),
      ),
      ...this.entries.flatMap(unshown),
    ];
    if (problems.length > 0) throw new Error(`FAQ knowledge base: ${problems.join('; ')}`);
  }

  get(entryId: string): FaqEntry | undefined {
    return this.#byId.get(entryId);
  }

  topic(topicId: string): FaqTopic | undefined {
    return this.topics.find((t) => t.id === topicId);
  }
}

/**
 * The knowledge base with some entries replaced or added (managers' edits in the web console): an entry
 * replaces the one with its id, or joins the end of its topic. Throws like the constructor if they break it.
 */
export function withEntries(kb: KnowledgeBase, entries: readonly FaqEntry[]): KnowledgeBase {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return new KnowledgeBase(
    kb.topics.map((topic) => ({
      ...topic,
      entries: [
        // An entry keeps its place, edited, unless its edit moved it to another topic.
        ...topic.entries.flatMap((e) => {
          const edit = byId.get(e.id);
          if (!edit) return [e];
          return edit.topic === topic.id ? [edit] : [];
        }),
        // New entries, and entries moved here.
        ...entries.filter((e) => e.topic === topic.id && !topic.entries.some((own) => own.id === e.id)),
      ],
    })),
  );
}

/** The directory holding the data files shipped with the bot. */
export const DEFAULT_ENTRIES_DIR = join(import.meta.dirname, 'entries');

/** Reads and validates every `*.yaml` file of a directory; the error names the file and the faulty field. */
export function loadKnowledgeBase(dir: string = DEFAULT_ENTRIES_DIR): KnowledgeBase {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
  const topics = files.map((file) => {
    const parsed = topicFileSchema.safeParse(parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`FAQ file ${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
    }
    const { topic, entries } = parsed.data;
    return { ...topic, entries: entries.map((e) => ({ ...e, topic: topic.id })) };
  });
  return new KnowledgeBase(topics);
}

/**
 * An e-mail, a phone number or a web address an entry says it answers with must be in its answer, in both
 * languages: a question asking for one is answered with it.
 */
function unshown(entry: FaqEntry): string[] {
  const shown = (['fr', 'en'] as const).map((lang) => shownFacts(entry.answer[lang]));
  return entry.answers
    .filter((ask) => ['email', 'phone', 'web'].includes(ask) && !shown.every((facts) => facts.includes(ask)))
    .map((ask) => `${entry.id}: answers ${ask} but its answer does not show one in both languages`);
}

function duplicates(values: string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}
