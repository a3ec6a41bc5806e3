/**
 * The file messages the bot sent to a person, kept in their records: the homeserver's media store cannot be
 * emptied by the bot, so when the person is forgotten it redacts those messages instead (the file's link and
 * name disappear from the room; the upload itself stays on the server).
 */
import type { MatrixClient } from 'matrix-bot-sdk';
import { z } from 'zod';
import {
  type Counted,
  type Localized,
  type Logger,
  type PersonalRecords,
  type PersonRef,
  pluralized,
} from '../../src/core/port.ts';

/** The record name, so `my data` shows the list and `forget me` erases it. */
export const SENT_FILES_RECORD = 'matrix-files';

const SentFiles = z.array(z.object({ roomId: z.string(), eventId: z.string() }));

/** One `m.file` message the bot sent to a person. */
export type SentFile = z.infer<typeof SentFiles>[number];

/** The files listed in a person's records (those `forget me` just erased); an unreadable list counts as none. */
function sentFilesIn(records: Record<string, unknown>): SentFile[] {
  const parsed = SentFiles.safeParse(records[SENT_FILES_RECORD] ?? []);
  return parsed.success ? parsed.data : [];
}

/** Adds a file message to the person's list (a repeated send of the same event is listed once). */
export async function recordSentFile(
  records: PersonalRecords,
  person: PersonRef,
  file: SentFile,
): Promise<void> {
  const files = sentFilesIn({ [SENT_FILES_RECORD]: await records.get(person, SENT_FILES_RECORD) });
  if (files.some((f) => f.eventId === file.eventId)) return;
  await records.set(person, SENT_FILES_RECORD, [...files, file]);
}

const REDACTED: Counted = {
  fr: {
    one: 'J’ai masqué (« redact ») le message qui portait vos fichiers.',
    other: 'J’ai masqué (« redact ») les {count} messages qui portaient vos fichiers.',
  },
  en: {
    one: 'I redacted the message that carried your files.',
    other: 'I redacted the {count} messages that carried your files.',
  },
};
const ONLY_ONE_NOT_REDACTED: Localized = {
  fr: 'Je n’ai pas pu masquer le message portant vos fichiers (le serveur a refusé) : un modérateur du salon peut le retirer.',
  en: 'I could not redact the message that carried your files (the server refused): a moderator of the room can remove it.',
};
// Counted on the failures: « 1 message sur 3 n’a pas pu… ».
const NOT_REDACTED: Counted = {
  fr: {
    one: 'Je n’ai pas pu masquer {count} des {total} messages portant vos fichiers (le serveur a refusé) : un modérateur du salon peut le retirer.',
    other:
      'Je n’ai pas pu masquer {count} des {total} messages portant vos fichiers (le serveur a refusé) : un modérateur du salon peut les retirer.',
  },
  en: {
    one: 'I could not redact {count} of the {total} messages that carried your files (the server refused): a moderator of the room can remove it.',
    other:
      'I could not redact {count} of the {total} messages that carried your files (the server refused): a moderator of the room can remove them.',
  },
};

/**
 * Redacts the file messages listed in `erased` (a person's records, just erased); resolves with the line for
 * the forget-me report, or undefined when there were none. A refused redaction is counted and logged, never
 * thrown: the person's data is already gone and the report must still reach them.
 */
export async function redactSentFiles(
  client: MatrixClient,
  erased: Record<string, unknown>,
  reason: string,
  logger: Logger,
): Promise<Localized | undefined> {
  const files = sentFilesIn(erased);
  if (files.length === 0) return undefined;
  let failed = 0;
  for (const { roomId, eventId } of files) {
    try {
      await client.redactEvent(roomId, eventId, reason);
    } catch (error) {
      failed++;
      logger.warn({ err: error, roomId, eventId }, 'matrix: file message not redacted after forget me');
    }
  }
  if (failed === 0) return pluralized(files.length, REDACTED);
  return files.length === 1
    ? ONLY_ONE_NOT_REDACTED
    : pluralized(failed, NOT_REDACTED, { total: files.length });
}
