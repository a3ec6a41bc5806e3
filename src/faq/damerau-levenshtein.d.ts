// The package ships no types: its one function, as its README gives it.
declare module 'damerau-levenshtein' {
  export default function damerauLevenshtein(
    a: string,
    b: string,
  ): { steps: number; relative: number; similarity: number };
}
