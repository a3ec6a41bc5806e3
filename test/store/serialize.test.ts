/**
 * The faster serialization of stored values writes the very text keyv's own functions write, and reads any
 * text the way they read it: stored data stays readable either way, and nothing changes in the store.
 */
import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { Keyv } from 'keyv';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import { fasterDeserialize, fasterSerialize } from '../../src/store/serialize.ts';

const keyv = new Keyv();
const keyvSerialize = keyv.serialize as NonNullable<Keyv['serialize']>;
const keyvDeserialize = keyv.deserialize as NonNullable<Keyv['deserialize']>;
const serialize = fasterSerialize(keyvSerialize);
const deserialize = fasterDeserialize(keyvDeserialize);

/** Strings as stored, among them the ones keyv marks: a leading « : », « :base64: », JSON-looking text. */
const text = fc.oneof(
  fc.string(),
  fc.string().map((s) => `:${s}`),
  fc.constantFrom(':base64:aGk=', '::', ',null', '"type":"Buffer"', '[":x"]', '\\u003a', ''),
  fc.string({ unit: 'grapheme' }),
);

/** Values as the bot stores them and some it never does (Buffers, dates, functions and holes in arrays). */
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({ noInvalidDate: true }),
    fc.uint8Array({ maxLength: 8 }).map((bytes) => Buffer.from(bytes)),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.sparseArray(tie('value'), { maxLength: 5 }),
    fc.array(
      fc.oneof(
        tie('value'),
        fc.constant(() => 1),
      ),
      { maxLength: 4 },
    ),
    fc.dictionary(text, tie('value'), { maxKeys: 5 }),
    fc.dictionary(
      text,
      fc.oneof(
        tie('value'),
        fc.constant(() => 1),
      ),
      { maxKeys: 3 },
    ),
  ),
}));

describe('stored values, written and read faster', () => {
  it('are written as the same text as keyv writes', () => {
    fc.assert(
      fc.property(value, fc.option(fc.integer(), { nil: undefined }), (v, expires) => {
        const entry = { value: v, expires };
        expect(serialize(entry)).toBe(keyvSerialize(entry));
      }),
      { numRuns: 3_000 },
    );
  });

  it('read any stored text as keyv reads it, with spaces and escapes too', () => {
    fc.assert(
      fc.property(value, fc.constantFrom(0, 2), fc.boolean(), (v, indent, escapeColons) => {
        const written = [keyvSerialize({ value: v }) as string, JSON.stringify({ value: v }, null, indent)];
        for (const stored of written) {
          // A leading « : » written as an escape: JSON.parse reads it as « : », keyv's reviver then strips it.
          const t = escapeColons ? stored.replace(/(?<=(?:^|[:,[])\s*)":/g, '"\\u003a') : stored;
          let expected: unknown;
          try {
            expected = keyvDeserialize(t);
          } catch {
            expect(() => deserialize(t)).toThrow();
            continue;
          }
          expect(deserialize(t)).toStrictEqual(expected);
        }
      }),
      { numRuns: 3_000 },
    );
  });

  it('keeps the marks of keyv in the store: a leading « : », a Buffer', async () => {
    const backend = await openStore('sqlite://:memory:');
    try {
      const stored = { name: ':colon', file: Buffer.from('hi'), list: [':a', 'b'], none: null };
      await backend.kv.set('k', stored);
      const row = backend.sqlite?.prepare('SELECT value FROM keyv WHERE key = ?').get('nec:k') as {
        value: string;
      };
      expect(row.value).toBe(keyvSerialize({ value: stored, expires: undefined }));
      expect(await backend.kv.get('k')).toStrictEqual(stored);
    } finally {
      await backend.close();
    }
  });
});
