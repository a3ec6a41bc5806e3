/**
 * Citations: every rule, date and note names the source a user would recognise and the section. People read the
 * title and section; the file id stays in the data (verdict JSON, `data.source.file`) for tools.
 */
import type { Lang } from '../src/core/i18n.ts';
import type { CallDefinition, CitationDefinition } from './schema.ts';

/** A resolved citation: the source's title, its file id in the sources, and the section relied on. */
export interface Citation {
  title: string;
  file: string;
  section: string;
}

/** Fills a rule's citation from the call's own source unless it names another one. */
export function resolveCitation(call: CallDefinition, citation: CitationDefinition): Citation {
  return {
    title: citation.title ?? call.source.title,
    file: citation.file ?? call.source.file,
    section: citation.section,
  };
}

/** One line: `source : ANCT — NEC locaux, 2023, § Project initiators` (French puts a no-break space before the colon). */
export function formatCitation(citation: Citation, lang: Lang): string {
  const colon = lang === 'fr' ? ' :' : ':';
  return `source${colon} ${citation.title}, § ${citation.section}`;
}
