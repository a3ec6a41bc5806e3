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
  /** The section's title as the source writes it. */
  section: string;
  /** Set for a source written in English, which French replies say. */
  sourceLang?: 'en';
  /** For a source written in English: the French rendering of that title, which French replies show. */
  sectionFr?: string;
}

/** Fills a rule's citation from the call's own source unless it names another one. */
export function resolveCitation(call: CallDefinition, citation: CitationDefinition): Citation {
  // A citation naming another file is that file's, read as French.
  const english = citation.file === undefined && call.source.lang === 'en';
  return {
    title: citation.title ?? call.source.title,
    file: citation.file ?? call.source.file,
    section: citation.section,
    ...(english ? { sourceLang: 'en' as const } : {}),
    ...(english && call.source.sections_fr[citation.section]
      ? { sectionFr: call.source.sections_fr[citation.section] }
      : {}),
  };
}

/**
 * One line: `source: ANCT — NEC locaux, 2023, § Project initiators`; an English reader of a French source is told
 * the page is in French (`source: MEAE — …, 2024 (in French), § IV. Calendrier`). A French reader of an English source reads
 * the section in French, told the page is in English (`source : … (page en anglais), § Porteurs de projet`); the
 * original title stays in the data (`section`), for whoever looks it up in the page.
 */
export function formatCitation(citation: Citation, lang: Lang): string {
  if (lang === 'fr' && citation.sourceLang === 'en')
    return `source : ${citation.title} (page en anglais), § ${citation.sectionFr ?? citation.section}`;
  if (lang === 'fr') return `source : ${citation.title}, § ${citation.section}`;
  // An English reader of a French source reads its section as the page writes it, told the page is in French.
  if (citation.sourceLang !== 'en') return `source: ${citation.title} (in French), § ${citation.section}`;
  return `source: ${citation.title}, § ${citation.section}`;
}
