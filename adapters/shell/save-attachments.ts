/**
 * The terminal's way to hand over files: write them to the person's own folder under the exports folder
 * and say where they went. One folder per person, so two people's `nec-bot-my-data-<date>.json` never
 * meet, and "forget me" deletes that folder with the rest of their data.
 */
import { createHash } from 'node:crypto';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Attachment, BotPort } from '../../src/core/port.ts';

/** The person's folder under `dir`: their id when it is a plain name, else a readable form plus a digest. */
export function personFolder(dir: string, userId: string): string {
  const plain = userId.replace(/[^\w.-]/g, '_').replace(/^\.+/, '_');
  const name =
    plain === userId ? plain : `${plain}-${createHash('sha256').update(userId).digest('hex').slice(0, 8)}`;
  return resolve(join(dir, name));
}

/** Writes each attachment into the person's folder and returns the absolute paths (names reduced to a base name). */
export async function saveAttachments(
  dir: string,
  userId: string,
  attachments: Attachment[],
): Promise<string[]> {
  if (attachments.length === 0) return [];
  const folder = personFolder(dir, userId);
  await mkdir(folder, { recursive: true });
  const paths: string[] = [];
  for (const attachment of attachments) {
    const path = join(folder, basename(attachment.filename));
    await writeFile(path, attachment.content, 'utf8');
    paths.push(path);
  }
  return paths;
}

/** "Forget me" on the terminal also deletes the person's exported files. */
export function forgetExports(port: BotPort, dir: string): void {
  port.onForget(async (person) => {
    if (person.platform !== 'shell') return undefined;
    const folder = personFolder(dir, person.userId);
    if (!(await stat(folder).catch(() => undefined))) return undefined;
    await rm(folder, { recursive: true, force: true });
    return { fr: 'vos fichiers exportés (dossiers, données)', en: 'your exported files (dossiers, data)' };
  });
}
