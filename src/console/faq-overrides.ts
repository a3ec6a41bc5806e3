/**
 * FAQ entries and topics edited or created in the console: versioned YAML texts in the shared store, put in
 * force on every replica on top of the shipped entry files, validated by the entry files' own schemas.
 */
import { parse, stringify } from 'yaml';
import type { z } from 'zod';
import type { Lang } from '../core/i18n.ts';
import {
  entrySchema,
  type FaqEntry,
  KnowledgeBase,
  topicSchema,
  withEntries,
} from '../faq/knowledge-base.ts';
import type { FaqService } from '../faq/service.ts';
import type { Logger } from '../logger.ts';
import type { AtomicOps } from '../store/atomic.ts';
import { fieldMessage, zodLocale } from './messages.ts';
import { OverrideStore, type Revision, YAML_LAYOUT } from './overrides.ts';

export type EntryCheck = { entry: FaqEntry } | { errors: Map<string, string> };
export type NewTopic = z.output<typeof topicSchema>;
export type TopicCheck = { topic: NewTopic } | { errors: Map<string, string> };

/** The names of a new topic's fields in the entry form (prefixed, beside the entry's own). */
export const NEW_TOPIC_PREFIX = 'new-topic.';

export class FaqOverrides {
  readonly store: OverrideStore;
  /** Topics created in the console (a new topic comes with its first entry). */
  readonly topics: OverrideStore;
  /** The entries as shipped, kept to build on and to diff against. */
  readonly shipped: KnowledgeBase;
  readonly #faq: FaqService;
  readonly #logger: Logger;

  constructor(options: { atomic: AtomicOps; faq: FaqService; logger: Logger }) {
    this.store = new OverrideStore(options.atomic, 'faq');
    this.topics = new OverrideStore(options.atomic, 'faq-topic');
    this.shipped = options.faq.kb;
    this.#faq = options.faq;
    this.#logger = options.logger;
  }

  /** Puts the stored topics and entries in force in this process. */
  async sync(): Promise<void> {
    const topics: NewTopic[] = [];
    for (const id of await this.topics.ids()) {
      const { text } = await this.topics.read(id);
      const parsed = topicSchema.safeParse(text === undefined ? undefined : parse(text));
      if (parsed.success && !this.shipped.topic(parsed.data.id)) topics.push(parsed.data);
      else if (text !== undefined) this.#logger.error({ topic: id }, 'stored FAQ topic ignored');
    }
    const entries: FaqEntry[] = [];
    for (const id of await this.store.ids()) {
      const { text } = await this.store.read(id);
      if (text === undefined) continue;
      const checked = this.check(
        parse(text),
        id,
        'en',
        topics.map((t) => t.id),
      );
      if ('entry' in checked) entries.push(checked.entry);
      else
        this.#logger.error({ entry: id, problems: [...checked.errors.values()] }, 'stored FAQ entry ignored');
    }
    try {
      const base = new KnowledgeBase([...this.shipped.topics, ...topics.map((t) => ({ ...t, entries: [] }))]);
      const merged = withEntries(base, entries);
      // A topic is shown with its entries only: its first is its overview, as in a topic file.
      this.#faq.useKnowledgeBase(new KnowledgeBase(merged.topics.filter((t) => t.entries.length > 0)));
    } catch (error) {
      this.#logger.error({ err: error }, 'stored FAQ entries ignored');
    }
  }

  /**
   * Validates an entry (the files' schema, a known topic — or one of `newTopics`, created with it —, related entries
   * that exist), errors by field name.
   */
  check(raw: unknown, expectedId?: string, lang: Lang = 'en', newTopics: readonly string[] = []): EntryCheck {
    const errors = new Map<string, string>();
    const { topic, ...rest } = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const parsed = entrySchema.safeParse(rest, zodLocale(lang));
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const name = issue.path
          .filter((p) => typeof p !== 'number')
          .map(String)
          .join('.');
        if (!errors.has(name)) errors.set(name || 'id', fieldMessage(issue, lang));
      }
    if (typeof topic !== 'string' || !(this.#faq.kb.topic(topic) || newTopics.includes(topic)))
      errors.set('topic', lang === 'fr' ? 'choisissez un des sujets' : 'choose one of the topics');
    if (parsed.success) {
      if (expectedId !== undefined && parsed.data.id !== expectedId)
        errors.set('id', lang === 'fr' ? `doit rester « ${expectedId} »` : `must stay “${expectedId}”`);
      const missing = parsed.data.related.filter((r) => !this.#faq.kb.get(r));
      if (missing.length > 0)
        errors.set(
          'related',
          `${lang === 'fr' ? 'entrée inconnue :' : 'no such entry:'} ${missing.join(', ')}`,
        );
    }
    if (errors.size > 0 || !parsed.success) return { errors };
    return { entry: { ...parsed.data, topic: topic as string } };
  }

  /** Validates a new topic (the topic files' schema, an id no topic has), errors by field name (prefixed). */
  async checkTopic(raw: Record<string, unknown>, lang: Lang): Promise<TopicCheck> {
    const errors = new Map<string, string>();
    const parsed = topicSchema.safeParse(raw, zodLocale(lang));
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const name = `${NEW_TOPIC_PREFIX}${issue.path.map(String).join('.') || 'id'}`;
        if (!errors.has(name)) errors.set(name, fieldMessage(issue, lang));
      }
    else if (this.#faq.kb.topic(parsed.data.id) || (await this.topics.read(parsed.data.id)).version > 0)
      errors.set(
        `${NEW_TOPIC_PREFIX}id`,
        lang === 'fr'
          ? `le sujet « ${parsed.data.id} » existe déjà`
          : `topic “${parsed.data.id}” already exists`,
      );
    return errors.size > 0 || !parsed.success ? { errors } : { topic: parsed.data };
  }

  /** Stores a new topic (put in force with its first entry); false when another manager created it meanwhile. */
  async createTopic(topic: NewTopic, by: string, at: number): Promise<boolean> {
    const text = stringify(topic, YAML_LAYOUT);
    const version = await this.topics.write(topic.id, 0, { text, by, action: 'edit', at });
    if (version === undefined) return false;
    this.#logger.info(
      { event: 'console:change', kind: 'faq-topic', id: topic.id, version, by, action: 'edit' },
      'FAQ topic created in the console',
    );
    return true;
  }

  /** Saves an entry's new text (undefined: back to the shipped one) on top of `expectedVersion`, then puts it in force. */
  async save(
    id: string,
    expectedVersion: number,
    change: Omit<Revision, 'version'>,
  ): Promise<number | undefined> {
    const version = await this.store.write(id, expectedVersion, change);
    if (version === undefined) return undefined;
    this.#logger.info(
      { event: 'console:change', kind: 'faq', id, version, by: change.by, action: change.action },
      'FAQ entry changed in the console',
    );
    await this.sync();
    return version;
  }
}
