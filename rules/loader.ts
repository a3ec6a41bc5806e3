/** Reads call definition files (YAML or JSON) from a folder and validates them, reporting every problem precisely. */
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { type CallDefinition, callSchema } from './schema.ts';

const CALL_FILE = /\.(ya?ml|json)$/i;

/** One or more call files are invalid: each problem names the file, the path inside it and what is wrong. */
export class CallFileError extends Error {
  override name = 'CallFileError';
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`invalid call definition:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/** Loads every call file of a folder; throws a CallFileError listing all problems if any file is wrong. */
export async function loadCallDirectory(dir: string): Promise<CallDefinition[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => CALL_FILE.test(n)).sort();
  } catch (error) {
    throw new CallFileError([`${dir}: cannot read the folder of call files (${(error as Error).message})`]);
  }
  if (names.length === 0) throw new CallFileError([`${dir}: no call file (*.yaml, *.yml or *.json) found`]);
  const problems: string[] = [];
  const calls: CallDefinition[] = [];
  for (const name of names) {
    const file = join(dir, name);
    const result = parseCallFile(file, await readFile(file, 'utf8'));
    if ('problems' in result) problems.push(...result.problems);
    else if (calls.some((c) => c.id === result.call.id))
      problems.push(`${file}: id: "${result.call.id}" is already used by another file`);
    else calls.push(result.call);
  }
  if (problems.length > 0) throw new CallFileError(problems);
  return calls;
}

/** Parses and validates one call file's text; `file` only serves the messages. */
export function parseCallFile(file: string, text: string): { call: CallDefinition } | { problems: string[] } {
  const lines = new LineCounter();
  // YAML is a superset of JSON, so one parser reads both (and gives line numbers for both).
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => {
        const at = lines.linePos(e.pos[0]);
        return `${file}: line ${at.line}: ${e.message.split('\n')[0]}`;
      }),
    };
  }
  const raw: unknown = doc.toJS();
  const parsed = callSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => {
        const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        const node = doc.getIn(path, true);
        const line = isNode(node) && node.range ? ` (line ${lines.linePos(node.range[0]).line})` : '';
        return `${file}: ${describePath(raw, path)}${line}: ${issue.message}`;
      }),
    };
  }
  const stem = basename(file, extname(file));
  if (parsed.data.id !== stem)
    return { problems: [`${file}: id: "${parsed.data.id}" must match the file name "${stem}"`] };
  return { call: parsed.data };
}

/** `rules[3] (funding_attendance).min.figure`: the index, plus the item's id when it has one, to find it fast. */
function describePath(raw: unknown, path: Array<string | number>): string {
  if (path.length === 0) return '(whole file)';
  let node: unknown = raw;
  let text = '';
  for (const key of path) {
    node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      const id = node && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
      text += `[${key}]${typeof id === 'string' ? ` (${id})` : ''}`;
    } else text += text === '' ? key : `.${key}`;
  }
  return text;
}
