/**
 * Keyv's own format for stored values, written and read faster. Keyv's functions (`@keyv/serialize`) build the
 * JSON text by hand, string by string, and read it back through a reviver that visits every value: 10 % of
 * the core benchmark's CPU, for records of a few hundred bytes. Their format is JSON in which a string that
 * starts with « : » takes one more (so that « :base64: » can mark a Buffer). Here `JSON.stringify` writes and
 * `JSON.parse` reads, and keyv's own functions take over for the values where the two could differ — a string
 * starting with « : », a Buffer, an element of an array JSON writes as `null` (keyv leaves functions and holes
 * out) — so the text stored is the same, byte for byte, and what is stored reads back the same
 * (`test/store/serialize.test.ts` checks both against keyv's functions).
 */
import type { Deserialize, Keyv, Serialize } from 'keyv';

/** A JSON string starting with « : » (written so or escaped) where a value stands: keyv's mark. */
const COLON_STRING = /(?:^|[:,[])\s*"(?::|\\u003a)/i;
/** Where keyv's text could differ from `JSON.stringify`'s: a Buffer, a `null` in an array. */
const NOT_PLAIN = /"type":"Buffer"|[[,]null\b/;

/** Keyv's serializer, with `JSON.stringify` wherever it writes the same text. */
export function fasterSerialize(keyvSerialize: Serialize): Serialize {
  return (data) => {
    const text = JSON.stringify(data);
    return text === undefined || COLON_STRING.test(text) || NOT_PLAIN.test(text) ? keyvSerialize(data) : text;
  };
}

/** Keyv's deserializer, with `JSON.parse` wherever no string starts with « : » (its reviver changes nothing then). */
export function fasterDeserialize(keyvDeserialize: Deserialize): Deserialize {
  return (text) => (COLON_STRING.test(text) ? keyvDeserialize(text) : JSON.parse(text));
}

/** Gives a keyv store the faster functions, keyv's own kept for the values that need them. */
export function serializeFaster(kv: Keyv): void {
  if (kv.serialize) kv.serialize = fasterSerialize(kv.serialize);
  if (kv.deserialize) kv.deserialize = fasterDeserialize(kv.deserialize);
}
