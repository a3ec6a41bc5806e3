/**
 * The call edit form: which parts of a call file a manager edits on a page (names, edition, window, figures,
 * contacts, notes, rule texts), how the submitted fields go back into the file's data, and the schema's
 * problems placed beside the field they concern. Field names are the paths inside the file (`figures.closes`).
 */
import { isDeepStrictEqual } from 'node:util';
import { isMap, isSeq, parseDocument } from 'yaml';
import { callSchema } from '../../rules/schema.ts';
import type { Lang, Localized } from '../core/i18n.ts';
import { DAY_FORMAT, typedDay } from './dates.ts';
import { fieldMessage, zodLocale } from './messages.ts';
import { YAML_LAYOUT } from './overrides.ts';

export interface FieldSpec {
  name: string;
  label: string;
  type: 'text' | 'date' | 'number' | 'email' | 'textarea';
  value: string;
  hint?: string;
}

export interface FieldGroup {
  legend: string;
  fields: FieldSpec[];
  /** Folded by default (long lists of texts). */
  folded?: boolean;
}

type Raw = Record<string, unknown>;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const L = {
  general: { fr: 'Généralités', en: 'General' },
  nameFr: { fr: 'Nom (français)', en: 'Name (French)' },
  nameEn: { fr: 'Nom (anglais)', en: 'Name (English)' },
  organiser: { fr: 'Organisateur', en: 'Organiser' },
  edition: { fr: 'Édition (année)', en: 'Edition (year)' },
  window: { fr: 'Période de candidature', en: 'Application window' },
  opens: { fr: 'Ouverture', en: 'Opens' },
  closes: { fr: 'Clôture', en: 'Closes' },
  section: { fr: 'Section de la source qui donne ces dates', en: 'Source section giving these dates' },
  followsFigure: {
    fr: 'Suit le chiffre « {figure} » ci-dessous.',
    en: 'Follows the figure “{figure}” below.',
  },
  figures: { fr: 'Chiffres et dates', en: 'Figures and dates' },
  figureHint: { fr: 'Un nombre, ou un jour JJ/MM/AAAA.', en: 'A number, or a day DD/MM/YYYY.' },
  dayHint: { fr: 'Un jour JJ/MM/AAAA.', en: 'A day DD/MM/YYYY.' },
  contacts: { fr: 'Contacts', en: 'Contacts' },
  contact: { fr: 'Contact {n}', en: 'Contact {n}' },
  newContact: { fr: 'Nouveau contact (laisser vide si aucun)', en: 'New contact (leave empty if none)' },
  contactName: { fr: '{who} — nom (vide pour le retirer)', en: '{who} — name (empty to remove)' },
  roleFr: { fr: '{who} — rôle (français)', en: '{who} — role (French)' },
  roleEn: { fr: '{who} — rôle (anglais)', en: '{who} — role (English)' },
  email: { fr: '{who} — courriel', en: '{who} — e-mail' },
  phone: { fr: '{who} — téléphone', en: '{who} — phone' },
  notes: { fr: 'Notes', en: 'Notes' },
  note: { fr: 'Note {n} ({lang})', en: 'Note {n} ({lang})' },
  rules: { fr: 'Textes des règles', en: 'Rule texts' },
  rule: { fr: 'Règle « {id} » ({lang})', en: 'Rule “{id}” ({lang})' },
} satisfies Record<string, Localized>;

function say(lang: Lang, text: Localized, params: Record<string, string | number> = {}): string {
  return text[lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

function get(raw: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Raw)[key] : undefined), raw);
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** The form's fields for a call file's data, grouped, filled with its current values. */
export function callFormGroups(raw: Raw, lang: Lang): FieldGroup[] {
  const field = (
    name: string,
    label: string,
    type: FieldSpec['type'] = 'text',
    hint?: string,
  ): FieldSpec => ({
    name,
    label,
    type,
    value: text(get(raw, name)),
    hint,
  });
  const groups: FieldGroup[] = [
    {
      legend: say(lang, L.general),
      fields: [
        field('name.fr', say(lang, L.nameFr)),
        field('name.en', say(lang, L.nameEn)),
        field('organiser', say(lang, L.organiser)),
        field('edition', say(lang, L.edition), 'number'),
      ],
    },
  ];
  const window = (raw.window ?? {}) as Raw;
  const windowFields: FieldSpec[] = [];
  const following: string[] = [];
  for (const [key, label] of [
    ['opens', L.opens],
    ['closes', L.closes],
  ] as const) {
    const value = window[key];
    // A window day taken from a figure is edited there, once, where the rules read it too.
    if (value && typeof value === 'object' && 'figure' in value)
      following.push(
        `${say(lang, label)} — ${say(lang, L.followsFigure, { figure: String((value as Raw).figure) })}`,
      );
    else windowFields.push(field(`window.${key}`, say(lang, label), 'date', say(lang, L.dayHint)));
  }
  windowFields.push(
    field('window.citation.section', say(lang, L.section), 'text', following.join(' ') || undefined),
  );
  groups.push({ legend: say(lang, L.window), fields: windowFields });
  const figures = (raw.figures ?? {}) as Raw;
  groups.push({
    legend: say(lang, L.figures),
    fields: Object.entries(figures).map(([name, value]) =>
      field(
        `figures.${name}`,
        name,
        typeof value === 'string' && DAY.test(value) ? 'date' : 'text',
        say(lang, L.figureHint),
      ),
    ),
  });
  const contacts = Array.isArray(raw.contacts) ? raw.contacts : [];
  const contactFields: FieldSpec[] = [];
  for (let i = 0; i <= contacts.length; i++) {
    const who = i < contacts.length ? say(lang, L.contact, { n: i + 1 }) : say(lang, L.newContact);
    contactFields.push(
      field(`contacts.${i}.name`, say(lang, L.contactName, { who })),
      field(`contacts.${i}.role.fr`, say(lang, L.roleFr, { who })),
      field(`contacts.${i}.role.en`, say(lang, L.roleEn, { who })),
      field(`contacts.${i}.email`, say(lang, L.email, { who }), 'email'),
      field(`contacts.${i}.phone`, say(lang, L.phone, { who })),
    );
  }
  groups.push({ legend: say(lang, L.contacts), fields: contactFields });
  const notes = Array.isArray(raw.notes) ? raw.notes : [];
  groups.push({
    legend: say(lang, L.notes),
    folded: true,
    fields: notes.flatMap((_, i) =>
      (['fr', 'en'] as const).map((l) =>
        field(`notes.${i}.text.${l}`, say(lang, L.note, { n: i + 1, lang: l }), 'textarea'),
      ),
    ),
  });
  const rules = Array.isArray(raw.rules) ? (raw.rules as Raw[]) : [];
  groups.push({
    legend: say(lang, L.rules),
    folded: true,
    fields: rules.flatMap((rule, i) =>
      (['fr', 'en'] as const).map((l) =>
        field(`rules.${i}.message.${l}`, say(lang, L.rule, { id: String(rule.id), lang: l }), 'textarea'),
      ),
    ),
  });
  return groups.filter((g) => g.fields.length > 0);
}

/**
 * The call file with the submitted fields put in, edited in place so untouched parts keep their layout and
 * comments (the history's diff shows only what changed): a contact emptied is dropped, an emptied optional field
 * removed. Returns the new text and its data.
 */
export function applyCallForm(text: string, form: URLSearchParams, lang: Lang): { text: string; raw: Raw } {
  const doc = parseDocument(text);
  const base = doc.toJS() as Raw;
  for (const name of callFormGroups(base, lang).flatMap((g) => g.fields.map((f) => f.name))) {
    const submitted = form.get(name);
    if (submitted === null) continue;
    const before = get(base, name);
    const value = convert(name, submitted.trim(), before);
    if (isDeepStrictEqual(value, before)) continue;
    const path = name.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key));
    if (value !== undefined) doc.setIn(path, value);
    else if (doc.hasIn(path)) doc.deleteIn(path);
  }
  const emptied = (path: Array<string | number>) => {
    const node = doc.getIn(path);
    return isMap(node) && node.items.length === 0;
  };
  const contacts = doc.get('contacts');
  if (isSeq(contacts))
    for (let i = contacts.items.length - 1; i >= 0; i--) {
      if (emptied(['contacts', i, 'role'])) doc.deleteIn(['contacts', i, 'role']);
      // One with a detail but no name stays, so the schema asks for the name.
      if (emptied(['contacts', i]) || contacts.items[i] === undefined) doc.deleteIn(['contacts', i]);
    }
  if (emptied(['window', 'citation'])) doc.deleteIn(['window', 'citation']);
  if (emptied(['window'])) doc.delete('window');
  return { text: doc.toString(YAML_LAYOUT), raw: doc.toJS() as Raw };
}

/** A submitted value in the type the file had (a number figure stays a number); empty removes the key. */
function convert(name: string, value: string, before: unknown): unknown {
  // An emptied figure stays, empty, so the schema says beside it that it needs a value (rules refer to it).
  if (value === '') return name.startsWith('figures.') ? '' : undefined;
  // A day is typed day first (31/12/2026) and stored as the call files write it (2026-12-31).
  if (name.startsWith('figures.') || name.startsWith('window.')) {
    const day = typedDay(value);
    if (day !== value) return day;
  }
  if (name === 'edition' || typeof before === 'number') {
    const number = Number(value.replace(',', '.'));
    return value !== '' && Number.isFinite(number) ? number : value;
  }
  return value;
}

/** A problem said beside a field names the day format the field takes, not the one the file stores. */
function asTyped(message: string): string {
  return message.replace('AAAA-MM-JJ', DAY_FORMAT.fr).replace('YYYY-MM-DD', DAY_FORMAT.en);
}

/** Validates call data with the call files' schema: problems by field name, and those no field shows. */
export function validateCall(
  raw: Raw,
  fieldNames: readonly string[],
  lang: Lang,
): { errors: Map<string, string>; other: string[] } {
  const errors = new Map<string, string>();
  const other: string[] = [];
  const parsed = callSchema.safeParse(raw, zodLocale(lang));
  if (parsed.success) return { errors, other };
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    // A rule or date naming a figure whose value no longer fits (a day typed for a number) is said at the figure.
    const named = path.endsWith('figure') ? get(raw, path) : undefined;
    const figure = typeof named === 'string' ? fieldNames.find((f) => f === `figures.${named}`) : undefined;
    // A problem inside a field's value (window.closes.figure) or about a whole item (contacts.0) goes beside its field.
    const target =
      figure ??
      fieldNames.find((f) => f === path) ??
      fieldNames.find((f) => path.startsWith(`${f}.`)) ??
      fieldNames.find((f) => f.startsWith(`${path}.`));
    if (target && !errors.has(target)) errors.set(target, asTyped(fieldMessage(issue, lang)));
    else if (!target) other.push(`${path || '(call)'}: ${fieldMessage(issue, lang)}`);
  }
  return { errors, other };
}
