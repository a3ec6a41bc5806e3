/**
 * The FAQ entry form's fields: an entry as the strings a manager edits (lists one per line, keywords
 * comma-separated), back into an entry file's data, and the labels of each field and of a new topic's fields.
 */
import type { FaqEntry } from '../faq/knowledge-base.ts';
import { NEW_TOPIC_PREFIX } from './faq-overrides.ts';

/** The form's view of an entry: its fields as strings (lists one per line, keywords comma-separated). */
export type Draft = Record<string, string>;

export function toDraft(entry: FaqEntry): Draft {
  return {
    topic: entry.topic,
    id: entry.id,
    'title.fr': entry.title.fr,
    'title.en': entry.title.en,
    'questions.fr': entry.questions.fr.join('\n'),
    'questions.en': entry.questions.en.join('\n'),
    'keywords.fr': entry.keywords.fr.join(', '),
    'keywords.en': entry.keywords.en.join(', '),
    'answer.fr': entry.answer.fr,
    'answer.en': entry.answer.en,
    'source.title.fr': entry.source.title.fr,
    'source.title.en': entry.source.title.en,
    'source.file': entry.source.file,
    related: entry.related.join(', '),
    eligibility: entry.eligibility ?? '',
    answers: entry.answers.join(', '),
  };
}

export const FIELDS = Object.keys(
  toDraft({
    id: '',
    topic: '',
    title: { fr: '', en: '' },
    questions: { fr: [], en: [] },
    keywords: { fr: [], en: [] },
    answer: { fr: '', en: '' },
    source: { title: { fr: '', en: '' }, file: '' },
    related: [],
    answers: [],
    unknown: false,
  }),
);

export function fromDraft(d: Draft): Record<string, unknown> {
  const lines = (v = '') =>
    v
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  const words = (v = '') =>
    v
      .split(',')
      .map((w) => w.trim())
      .filter(Boolean);
  return {
    topic: d.topic,
    id: d.id?.trim(),
    title: { fr: d['title.fr'], en: d['title.en'] },
    questions: { fr: lines(d['questions.fr']), en: lines(d['questions.en']) },
    keywords: { fr: words(d['keywords.fr']), en: words(d['keywords.en']) },
    answer: { fr: d['answer.fr'], en: d['answer.en'] },
    source: { title: { fr: d['source.title.fr'], en: d['source.title.en'] }, file: d['source.file']?.trim() },
    related: words(d.related),
    ...(d.eligibility?.trim() ? { eligibility: d.eligibility.trim() } : {}),
    answers: words(d.answers),
  };
}

export const LABELS: Record<string, { fr: string; en: string }> = {
  topic: { fr: 'Sujet', en: 'Topic' },
  id: {
    fr: 'Identifiant (mots en minuscules reliés par des tirets)',
    en: 'Id (lower-case words joined by hyphens)',
  },
  'title.fr': { fr: 'Titre (français)', en: 'Title (French)' },
  'title.en': { fr: 'Titre (anglais)', en: 'Title (English)' },
  'questions.fr': {
    fr: 'Façons de poser la question, en français (une par ligne)',
    en: 'Ways to ask it, in French (one per line)',
  },
  'questions.en': {
    fr: 'Façons de poser la question, en anglais (une par ligne)',
    en: 'Ways to ask it, in English (one per line)',
  },
  'keywords.fr': {
    fr: 'Mots-clés français (séparés par des virgules)',
    en: 'French keywords (comma-separated)',
  },
  'keywords.en': {
    fr: 'Mots-clés anglais (séparés par des virgules)',
    en: 'English keywords (comma-separated)',
  },
  'answer.fr': { fr: 'Réponse (français)', en: 'Answer (French)' },
  'answer.en': { fr: 'Réponse (anglais)', en: 'Answer (English)' },
  'source.title.fr': { fr: 'Titre de la source (français)', en: 'Source title (French)' },
  'source.title.en': { fr: 'Titre de la source (anglais)', en: 'Source title (English)' },
  'source.file': { fr: 'Fichier source (identifiant interne)', en: 'Source file (internal id)' },
  related: {
    fr: 'Entrées liées (identifiants, séparés par des virgules)',
    en: 'Related entries (ids, comma-separated)',
  },
  eligibility: {
    fr: 'Appel dont proposer la vérification (identifiant, facultatif)',
    en: 'Call to offer the check for (id, optional)',
  },
  answers: {
    fr: 'Faits que la réponse donne (date, deadline, place, address, amount, price, contact, email, phone, who-may, how, figures, winners ; séparés par des virgules)',
    en: 'Facts the answer gives (date, deadline, place, address, amount, price, contact, email, phone, who-may, how, figures, winners; comma-separated)',
  },
};
export const TEXTAREAS = new Set(['questions.fr', 'questions.en', 'answer.fr', 'answer.en']);

/** The topic list's last choice: a new topic, created with the entry from the fields below it. */
export const NEW_TOPIC = '__new';
export const TOPIC_LABELS: Record<string, { fr: string; en: string }> = {
  id: {
    fr: 'Nouveau sujet — identifiant (mots en minuscules reliés par des tirets)',
    en: 'New topic — id (lower-case words joined by hyphens)',
  },
  'title.fr': { fr: 'Nouveau sujet — intitulé (français)', en: 'New topic — name (French)' },
  'title.en': { fr: 'Nouveau sujet — intitulé (anglais)', en: 'New topic — name (English)' },
  'contact.fr': {
    fr: 'Nouveau sujet — qui contacter quand la FAQ ne sait pas (français)',
    en: 'New topic — whom to ask when the FAQ does not know (French)',
  },
  'contact.en': {
    fr: 'Nouveau sujet — qui contacter quand la FAQ ne sait pas (anglais)',
    en: 'New topic — whom to ask when the FAQ does not know (English)',
  },
};
export const TOPIC_FIELDS = Object.keys(TOPIC_LABELS).map((f) => `${NEW_TOPIC_PREFIX}${f}`);

/** A new topic's data from the form's fields. */
export function topicDraft(d: Draft): Record<string, unknown> {
  const v = (name: string) => d[`${NEW_TOPIC_PREFIX}${name}`]?.trim() ?? '';
  return {
    id: v('id'),
    title: { fr: v('title.fr'), en: v('title.en') },
    contact: { fr: v('contact.fr'), en: v('contact.en') },
  };
}
