/**
 * When completed applications are erased, and how that is said: 90 days after the event, or the later day its
 * owner asked to keep it until (`garder ma candidature`: 90 more days each time, at most a year ahead), in the
 * summary and in « mes données ». The jobs that erase them are `retention.ts`.
 */
import { z } from 'zod';
import { type Lang, t } from '../core/i18n.ts';
import { DAYS, plural } from '../core/plural.ts';

/** Completed applications are purged this long after their event. */
export const KEEP_AFTER_EVENT_DAYS = 90;
/** « garder ma candidature » pushes the erasure back this much each time… */
export const KEEP_MORE_DAYS = 90;
/** …but never to more than this long after the day it is asked. */
export const KEEP_AT_MOST_DAYS = 365;

/** The kinds of the erasure jobs (`retention.ts`). */
export const WARN = 'dialog-expiry-warning';
export const EXPIRE = 'dialog-expired';
export const PURGE = 'application-purged';

/** What an erasure job carries: whose application it erases. */
export const jobData = z.object({ user: z.string(), applicationId: z.string() });

/** A calendar day (`YYYY-MM-DD`) plus some days. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
/**
 * The day a completed application is erased: 90 days after its event, or the later day its owner asked to keep
 * it until; undefined without either (it then goes 90 days after it was completed).
 */
export function erasureDay(application: {
  answers: Record<string, unknown>;
  keepUntil?: string;
}): string | undefined {
  const event = application.answers.event_date;
  const afterEvent =
    typeof event === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(event)
      ? addDays(event, KEEP_AFTER_EVENT_DAYS)
      : undefined;
  // Days written YYYY-MM-DD sort as they fall: the later one is the last.
  return [application.keepUntil, afterEvent]
    .filter((d) => d !== undefined)
    .sort()
    .at(-1);
}

const erasureJob = z.object({
  kind: z.enum([PURGE, EXPIRE]),
  dueAt: z.number(),
  timezone: z.string(),
  reply: z.object({ data: jobData }),
});

/** How to keep a completed application longer, as the summary and « mes données » say it (`{id}`: which one). */
export function keepLongerLine(lang: Lang, id = '<id>'): string {
  return t(
    lang,
    {
      fr: 'Pour la garder plus longtemps : « garder ma candidature {id} » ({more} de plus à chaque fois, jusqu’à {most} à l’avance au plus).',
      en: 'To keep it longer: “keep my application {id}” ({more} more each time, up to {most} ahead at most).',
    },
    { id, more: plural(lang, KEEP_MORE_DAYS, DAYS), most: plural(lang, KEEP_AT_MOST_DAYS, DAYS) },
  );
}

/** What "my data" says of these jobs: when each application will be erased, and how to keep a copy. */
export function erasureLines(jobs: readonly unknown[], lang: Lang): string[] {
  const lines = jobs.flatMap((job) => {
    const parsed = erasureJob.safeParse(job);
    if (!parsed.success) return [];
    const { kind, dueAt, timezone, reply } = parsed.data;
    const day = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'long',
      timeZone: timezone,
    }).format(dueAt);
    const why =
      kind === PURGE
        ? t(
            lang,
            { fr: '{keep} après son événement', en: '{keep} after its event' },
            { keep: plural(lang, KEEP_AFTER_EVENT_DAYS, DAYS) },
          )
        : t(lang, { fr: 'inachevée et sans nouvelle', en: 'unfinished and untouched' });
    return [
      t(
        lang,
        {
          fr: '• Candidature {id} : effacée le {day} ({why}).',
          en: '• Application {id}: erased on {day} ({why}).',
        },
        { id: reply.data.applicationId, day, why },
      ),
    ];
  });
  if (lines.length === 0) return [];
  return [
    ...lines,
    keepLongerLine(lang),
    t(lang, {
      fr: 'Pour en garder une copie au-delà : « exporter <id> » vous remet le dossier et vos réponses en fichiers.',
      en: 'To keep a copy beyond that: “export <id>” hands you the file and your answers as files.',
    }),
  ];
}
