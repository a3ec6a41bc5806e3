/** Per-person conversation state: language, time zone, the active application and a pending confirmation. */
import { z } from 'zod';
import type { UserKey, UserRecords } from '../store/user-records.ts';

const pendingSchema = z.object({
  action: z.string(),
  data: z.record(z.string(), z.unknown()).default({}),
  /** The question as asked: asked again when the next message is neither a yes nor a no. */
  question: z.string().optional(),
});

export const conversationSchema = z.object({
  lang: z.enum(['fr', 'en']).optional(),
  /** The user chose the language with `language …`; detection no longer switches it. */
  langChosen: z.boolean().optional(),
  timezone: z.string().optional(),
  /** The privacy notice was shown. */
  greeted: z.boolean().optional(),
  /** Id of the application whose dialog is in progress. */
  activeApplication: z.string().optional(),
  /** The dialog question last asked (`dialog:<id>:<slot>`): the funnel counts each step once per pass. */
  dialogStep: z.string().optional(),
  /** `<application id>@<YYYY-MM-DD>`: the day the application's expiry was last pushed back (once a day is enough). */
  retentionPlanned: z.string().optional(),
  /** The topic of the person's last FAQ question: a follow-up (« et la date limite ? ») stays on it. */
  faqTopic: z.string().optional(),
  /** A yes/no question the next message answers (cancel a dialog, forget me, send a broadcast…). */
  pending: pendingSchema.optional(),
  /** The choices last offered, so "2" or a label answers them on platforms without buttons. */
  offered: z
    .object({ choices: z.array(z.object({ id: z.string(), label: z.string() })), multiple: z.boolean() })
    .optional(),
  /**
   * The replies of the person's last events kept in the inbox, saved in the turn's own write: an event taken
   * over after its process died is answered with them instead of being run again (src/ops/inbox.ts).
   */
  answered: z.array(z.object({ event: z.string(), replies: z.array(z.unknown()) })).optional(),
});

export type ConversationState = z.infer<typeof conversationSchema>;
export type PendingConfirmation = z.infer<typeof pendingSchema>;

const RECORD = 'conversation';

/** Loads and saves conversation states; a stored value that no longer fits the schema starts afresh. */
export class ConversationStore {
  readonly #records: UserRecords;

  constructor(records: UserRecords) {
    this.#records = records;
  }

  async load(user: UserKey): Promise<ConversationState> {
    const parsed = conversationSchema.safeParse(await this.#records.get(user, RECORD));
    return parsed.success ? parsed.data : {};
  }

  async save(user: UserKey, state: ConversationState): Promise<void> {
    await this.#records.set(user, RECORD, state);
  }
}
