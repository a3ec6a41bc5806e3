/** The terminal's way to hand over files: write them to the exports folder and say where they went. */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Attachment } from '../../src/core/port.ts';

/** Writes each attachment into `dir` and returns the absolute paths. File names are reduced to a base name. */
export async function saveAttachments(dir: string, attachments: Attachment[]): Promise<string[]> {
  if (attachments.length === 0) return [];
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const attachment of attachments) {
    const path = resolve(join(dir, basename(attachment.filename)));
    await writeFile(path, attachment.content, 'utf8');
    paths.push(path);
  }
  return paths;
}
