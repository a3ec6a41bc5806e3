/**
 * When completed applications are erased, and how that is said: 90 days after the event, or the later day its
 * owner asked to keep it until (`garder ma candidature`: 90 more days each time, at most a year ahead), in the
 * summary and in « mes données ». The jobs that erase them are `retention.ts`.
 */
import { TZDate } from '@date-fns/tz';
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
 * The instant a calendar day starts in a time zone: an application erased « le 21 juin » goes when 21 June begins
 * where its owner lives, not at UTC midnight (the evening before in the Americas).
 */
export function startOfDay(day: string, zone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, 0, 0, zone).getTime();
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

/**
 * How to keep a completed application longer, as the summary says it (`id`: that application, its number said to
 * be one) and « mes données » (no id: the command without one asks which, when there are several).
 */
export function keepLongerLine(lang: Lang, id?: string): string {
  const params = {
    more: plural(lang, KEEP_MORE_DAYS, DAYS),
    most: plural(lang, KEEP_AT_MOST_DAYS, DAYS),
  };
  if (id === undefined)
    return t(
      lang,
      {
        fr: 'Pour en garder une plus longtemps : « garder ma candidature » ({more} de plus à chaque fois, jusqu’à {most} à l’avance au plus).',
        en: 'To keep one longer: “keep my application” ({more} more each time, up to {most} ahead at most).',
      },
      params,
    );
  return t(
    lang,
    {
      fr: 'Pour la garder plus longtemps : « garder ma candidature {id} » ({id} est le numéro de cette candidature ; {more} de plus à chaque fois, jusqu’à {most} à l’avance au plus).',
      en: "To keep it longer: “keep my application {id}” ({id} is this application's number; {more} more each time, up to {most} ahead at most).",
    },
    { ...params, id },
  );
}

/**
 * What "my data" says of these jobs: when each application will be erased (named as people know it, `nameOf`), on
 * the day it is in its owner's zone, and what can be done about it — keeping one longer only when one is
 * complete (an unfinished one cannot be kept: finishing it or touching it again is what keeps it).
 */
export function erasureLines(
  jobs: readonly unknown[],
  lang: Lang,
  nameOf: (applicationId: string) => string | undefined,
): string[] {
  const erasures = jobs.flatMap((job) => {
    const parsed = erasureJob.safeParse(job);
    return parsed.success ? [parsed.data] : [];
  });
  const lines = erasures.flatMap(({ kind, dueAt, timezone, reply }) => {
    const day = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'long',
      timeZone: timezone,
    }).format(dueAt);
    const { applicationId } = reply.data;
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
        { fr: '• {name} : sera effacée le {day} ({why}).', en: '• {name}: to be erased on {day} ({why}).' },
        {
          name:
            nameOf(applicationId) ??
            t(lang, { fr: 'Candidature {id}', en: 'Application {id}' }, { id: applicationId }),
          day,
          why,
        },
      ),
    ];
  });
  if (lines.length === 0) return [];
  return [
    ...lines,
    ...(erasures.some((e) => e.kind === PURGE) ? [keepLongerLine(lang)] : []),
    t(lang, {
      fr: 'Pour en garder une copie : « exporter » vous remet le dossier et vos réponses en fichiers (« candidatures » les liste, pour en exporter une autre).',
      en: 'To keep a copy: “export” hands you the file and your answers as files (“applications” lists them, to export another one).',
    }),
  ];
}
