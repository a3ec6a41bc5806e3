/**
 * A line pasted from a diary or a reminder rather than typed as an answer: « Rdv chez le dentiste jeudi 14h30 »,
 * "Reminder: dentist Thursday 2:30pm", « Réunion CA mardi 18h ». It has a time of day and either opens with a
 * diary's word (« rdv », "reminder", « réunion ») or names an appointment with a practitioner — and no year or
 * month: no step's answer is a time of day, and a day with its month and year is the event's, even with an hour.
 */
import { normalize } from '../core/text.ts';

/** A time of day: « 14h30 », « 9h », "2:30pm", "10 am", « 18:00 ». */
const TIME_OF_DAY = /\b\d{1,2}\s*h\s*(?:\d{2})?\b|\b\d{1,2}[:.]\d{2}\s*(?:am|pm)?\b|\b\d{1,2}\s*(?:am|pm)\b/;
/** The words a diary line opens with (a closed class: the entries' kinds). */
const DIARY_WORD =
  /^(?:rdv|rendez-vous|rappel|memo|pense-bete|reunion|rencontre|call|appel|visio|todo|a faire|reminder|appointment|appt|meeting|mtg|note to self)\b/;
/** An appointment with a practitioner or a trade (« chez le dentiste », "dentist", "the vet"). */
const APPOINTMENT =
  /\b(?:chez (?:le |la |l')?(?:dentiste|medecin|docteur|kine|coiffeur|coiffeuse|garagiste|veterinaire|veto|ophtalmo|pediatre|orthodontiste)|dentist|doctor|gp|hairdresser|vet|physio|optician)\b/;
/** A month or a year: the line then dates something meant (« le 12 juin 2027 à 9h30 »). */
const DATED =
  /\b\d{4}\b|\d\s*[/-]\s*\d|\b(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december)\b/;

/** Whether a message reads as a pasted diary line (an appointment of the person's own), not as an answer. */
export function readsAsAgendaLine(text: string): boolean {
  const typed = normalize(text);
  if (typed.length > 120 || !TIME_OF_DAY.test(typed) || DATED.test(typed)) return false;
  return DIARY_WORD.test(typed.replace(/^[^\p{L}\d]+/u, '')) || APPOINTMENT.test(typed);
}
