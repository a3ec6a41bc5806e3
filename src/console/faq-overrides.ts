/**
 * FAQ entries edited or created in the console: versioned YAML texts in the shared store, put in force on
 * every replica on top of the shipped entry files, validated by the entry files' own schema.
 */
import { parse } from 'yaml';
import type { Lang } from '../core/i18n.ts';
import { entrySchema, type FaqEntry, type KnowledgeBase, withEntries } from '../faq/knowledge-base.ts';
import type { FaqService } from '../faq/service.ts';
import type { Logger } from '../logger.ts';
import type { AtomicOps } from '../store/atomic.ts';
import { fieldMessage, zodLocale } from './messages.ts';
import { OverrideStore, type Revision } from './overrides.ts';

export type EntryCheck = { entry: FaqEntry } | { errors: Map<string, string> };

export class FaqOverrides {
  readonly store: OverrideStore;
  /** The entries as shipped, kept to build on and to diff against. */
  readonly shipped: KnowledgeBase;
  readonly #faq: FaqService;
  readonly #logger: Logger;

  constructor(options: { atomic: AtomicOps; faq: FaqService; logger: Logger }) {
    this.store = new OverrideStore(options.atomic, 'faq');
    this.shipped = options.faq.kb;
    this.#faq = options.faq;
    this.#logger = options.logger;
  }

  /** Puts the stored entries in force in this process. */
  async sync(): Promise<void> {
    const entries: FaqEntry[] = [];
    for (const id of await this.store.ids()) {
      const { text } = await this.store.read(id);
      if (text === undefined) continue;
      const checked = this.check(parse(text), id);
      if ('entry' in checked) entries.push(checked.entry);
      else
        this.#logger.error({ entry: id, problems: [...checked.errors.values()] }, 'stored FAQ entry ignored');
    }
    try {
      this.#faq.useKnowledgeBase(withEntries(this.shipped, entries));
    } catch (error) {
      this.#logger.error({ err: error }, 'stored FAQ entries ignored');
    }
  }

  /** Validates an entry (the files' schema, a known topic, related entries that exist), errors by field name. */
  check(raw: unknown, expectedId?: string, lang: Lang = 'en'): EntryCheck {
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
    if (typeof topic !== 'string' || !this.shipped.topic(topic))
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
