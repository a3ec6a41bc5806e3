/**
 * Something worked out once per object, the first time it is asked for, then kept as long as the object lives:
 * for data never changed once loaded (a step's options, a call's figures), read on every message. The readers
 * that would otherwise work it out again are the core benchmark's hot path (BENCHMARKS.md).
 */
export function perObject<K extends object, T>(make: (key: K) => T): (key: K) => T {
  const made = new WeakMap<K, T>();
  return (key) => {
    if (made.has(key)) return made.get(key) as T;
    const fresh = make(key);
    made.set(key, fresh);
    return fresh;
  };
}
