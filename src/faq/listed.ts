/**
 * What the knowledge base only lists: names given as one item of a long enumeration (« Vaulx-en-Velin, Chambéry,
 * Nantes, … »), and said nowhere else. A card listing the places local NECs were held gives no date, attendance or
 * organiser of any one of them; a question asking such a fact of a listed name is one the sources do not answer.
 */
import type { KnowledgeBase } from './knowledge-base.ts';
import { searchTerms } from './terms.ts';

// From this many items a run of commas is an enumeration, not a sentence's clauses (« Lille, Saint-Sébastien et
// Bruxelles » names the places of one edition, which its card dates).
const MIN_ITEMS = 5;
// An item longer than this (in search terms) says something of its own: it is no bare name.
const MAX_ITEM_TERMS = 4;

/**
 * The search terms the knowledge base uses only in names given as bare items of enumerations: not in an item stating a number of
 * it (« 9 étapes » is a fact), not in any other sentence of an answer, nor in a question or a title. (Keywords
 * are left out: they are what people type, not what a card states.)
 */
export function listedOnly(kb: KnowledgeBase): Set<string> {
  const listed = new Set<string>();
  const elsewhere = new Set<string>();
  const add = (to: Set<string>, text: string) => {
    for (const term of searchTerms(text)) to.add(term);
  };
  for (const entry of kb.entries) {
    for (const text of [entry.answer.fr, entry.answer.en])
      for (const sentence of text.split(/[.!?:]\s|\n/)) {
        // What a parenthesis says of an item is no item (« Lille (ateliers, no-code, open source) »).
        const items = sentence.replace(/\([^)]*\)/g, '').split(/\s*[,;]\s*|\s+(?:et|and)\s+/);
        for (const item of items) {
          // A name, as the card writes it (« Chambéry », "Devoteam"): not a common noun of a list (« photos »).
          const name = /^\p{Lu}/u.test(item.trim());
          const bare = name && !/\d/.test(item) && searchTerms(item).length <= MAX_ITEM_TERMS;
          add(items.length >= MIN_ITEMS && bare ? listed : elsewhere, item);
        }
      }
    for (const text of [...entry.questions.fr, ...entry.questions.en, entry.title.fr, entry.title.en])
      add(elsewhere, text);
  }
  for (const term of elsewhere) listed.delete(term);
  return listed;
}
