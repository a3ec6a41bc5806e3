/**
 * `npm run eval:dialogs`: drives the real dialogs (the whole app on an in-memory store, as a person would
 * type) with labelled answers, and prints per kind how many were understood — recorded with the right value,
 * or answered with the right clarifying question, step help, skip offer or edit — for each tuning file (misses
 * listed) and all of them together, then for each held-out part separately (totals only). It also counts the
 * non-answers stored (a question, a command, an "I do not know" or an answer needing a clarification that
 * ended up recorded as the step's answer): that must be 0. Only the tuning parts gate the exit code; the
 * held-out parts estimate unseen answers and are never tuned on. `-- --tuning` runs the tuning parts alone
 * (while working on the parsers: the held-out figures are taken only to report).
 */
import { readdirSync } from 'node:fs';
import { ApplicationStore } from '../dialogs/application.ts';
import { loadConfig } from '../src/config.ts';
import { ManualClock } from '../src/core/clock.ts';
import type { Reply } from '../src/core/message.ts';
import { createLogger } from '../src/logger.ts';
import { createApp } from '../src/main.ts';
import { userKey } from '../src/store/user-records.ts';
import { type Case, type Expectation, loadCases } from './dialog-cases.ts';

const TARGET = 0.95;
const NOW = '2026-12-01T10:00:00+01:00';

/** What each dialog's steps get on the way to the step a case is about, when the case gives nothing. */
const ROUTE: Record<string, Record<string, string>> = {
  'local-nec': {
    organizer_name: 'Les Liens',
    legal_entity: 'association',
    legal_entity_other: 'fondation',
    event_date: '23/03/2027',
    event_format: 'hybride',
    themes: '1',
    themes_other: 'médias',
    area: 'Lyon',
    audience: 'médiateurs',
    expected_attendance: '150',
    venue_capacity: '200',
    partners: 'La Base',
    local_authority_support: 'oui',
    local_authority_name: 'Lyon',
    session_formats: 'ateliers',
    resources: 'deux salariés',
    budget_total: '12000',
    grant_requested: '9000',
    charter: 'oui',
  },
  'meae-nir': {
    authority_name: 'Nantes',
    applicant_type: '1',
    foreign_partner: 'oui',
    partner_name: 'Dakar, Sénégal',
    fields: '1',
    project_title: 'Cartes',
    project_summary: 'Des ateliers',
  },
  'nec-ess-travel': {
    organisation_name: 'Les Liens',
    first_participation: 'oui',
    venue: '1',
    distance_km: '300',
    allowance_already_claimed: 'non',
  },
};

const app = await createApp({
  config: loadConfig({ LOG_LEVEL: 'silent' }),
  clock: new ManualClock(new Date(NOW)),
  logger: createLogger('silent'),
  storeUrl: 'sqlite://:memory:',
});
const applications = new ApplicationStore(app.records);
let people = 0;

interface Outcome {
  understood: boolean;
  /** A value was recorded at the step although the case is not an answer to it. */
  storedNonAnswer: boolean;
  got: string;
}

function say(user: string, text: string): Promise<Reply[]> {
  return app.bot.handle({
    ref: { platform: 'shell', roomId: user, userId: user, isDirect: true },
    userId: user,
    text,
    timestamp: app.clock.now(),
  });
}

/**
 * Sends a message that may start a dialog: a call closed by now (its dates have passed) first asks whether to
 * prepare a file anyway, and the person says yes — the cases are about the answers, not the calendar.
 */
async function openingOf(user: string, text: string): Promise<Reply[]> {
  const replies = await say(user, text);
  if (!replies.some((r) => r.intent === 'confirm:dialog-closed-call')) return replies;
  return [...replies, ...(await say(user, 'oui'))];
}

const askedSlot = (replies: Reply[]): string | undefined =>
  replies.findLast((r) => typeof r.data?.slot === 'string' && r.intent.startsWith('dialog:'))?.data?.slot as
    | string
    | undefined;

/** Starts the case's dialog for a fresh person and answers the steps before the one the case is about. */
async function reach(user: string, c: Case): Promise<void> {
  let replies = await openingOf(user, `candidater ${c.dialog}`);
  const route = { ...ROUTE[c.dialog], ...c.before };
  for (let guard = 0; guard < 30; guard++) {
    const slot = askedSlot(replies);
    if (slot === undefined) throw new Error(`"${c.text}": no step asked before ${c.step}`);
    if (slot === c.step) return;
    // A step added since the defaults were written (a free-text one, most likely) gets a plain sentence.
    replies = await say(user, route[slot] ?? 'Rapprocher les habitants du numérique');
  }
  throw new Error(`"${c.text}": step ${c.step} never asked`);
}

const same = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && [...a].sort().join() === [...b].sort().join()
    : a === b;

async function run(c: Case): Promise<Outcome> {
  const user = `eval-${++people}`;
  if (c.step) await reach(user, c);
  const key = userKey('shell', user);
  const before = c.step ? (await applications.list(key))[0] : undefined;
  const replies = c.step ? await say(user, c.text) : await openingOf(user, c.text);
  const after = (await applications.list(key))[0];
  const answers = after?.answers ?? {};
  const intents = replies.map((r) => r.intent);
  // Only an expected value may change the step's answer (a correction changes an earlier one).
  const storedNonAnswer =
    c.step !== undefined &&
    !('value' in c.expect && c.expect.slot === undefined) &&
    !same(before?.answers[c.step], answers[c.step]);
  const got = `${intents.join(' ')} | ${JSON.stringify(answers)}`;
  return { understood: meets(c.expect, c, answers, replies, before !== undefined), storedNonAnswer, got };
}

function meets(
  expect: Expectation,
  c: Case,
  answers: Record<string, unknown>,
  replies: Reply[],
  hadApplication: boolean,
): boolean {
  const intents = replies.map((r) => r.intent);
  const valueSlot = expect.slot ?? c.step;
  if ('value' in expect && (valueSlot === undefined || !same(answers[valueSlot], expect.value))) return false;
  for (const [slot, value] of Object.entries({ ...expect.also, ...expect.filled }))
    if (!same(answers[slot], value)) return false;
  if (expect.unfilled?.some((slot) => slot in answers)) return false;
  if (expect.clarify && !intents.some((i) => i.endsWith(':clarify'))) return false;
  if (expect.help && (!intents.includes('dialog:step-help') || askedSlot(replies) !== c.step)) return false;
  if (expect.skip_offer && !intents.includes('confirm:dialog-skip-offer')) return false;
  if (expect.refused && !intents.some((i) => i.endsWith(':invalid'))) return false;
  if (expect.edit !== undefined && askedSlot(replies) !== expect.edit) return false;
  if (expect.asks !== undefined && askedSlot(replies) !== expect.asks) return false;
  if (expect.start && (hadApplication || !intents.includes(`dialog:${expect.start}:start`))) return false;
  if (
    expect.starts_nothing &&
    (hadApplication || Object.keys(answers).length > 0 || intents.some((i) => i.endsWith(':start')))
  )
    return false;
  if (expect.noted && !replies.some((r) => r.intent.endsWith(':facts'))) return false;
  return true;
}

interface Tally {
  cases: number;
  understood: number;
  storedNonAnswers: number;
}

async function evaluate(heading: string, cases: Case[], listMisses: boolean): Promise<Tally> {
  const kinds = new Map<string, Tally>();
  const total: Tally = { cases: 0, understood: 0, storedNonAnswers: 0 };
  const misses: string[] = [];
  for (const c of cases) {
    const outcome = await run(c).catch(
      (error: Error): Outcome => ({ understood: false, storedNonAnswer: false, got: error.message }),
    );
    const tally = kinds.get(c.kind) ?? { cases: 0, understood: 0, storedNonAnswers: 0 };
    kinds.set(c.kind, tally);
    for (const t of [tally, total]) {
      t.cases++;
      if (outcome.understood) t.understood++;
      if (outcome.storedNonAnswer) t.storedNonAnswers++;
    }
    if (!outcome.understood || outcome.storedNonAnswer)
      misses.push(
        `${outcome.storedNonAnswer ? 'STORED' : 'MISS'} ${c.dialog}/${c.step ?? 'opening'} "${c.text}" → ${outcome.got}`,
      );
  }
  const pct = (t: Tally) => `${((t.understood / t.cases) * 100).toFixed(1)} %`;
  console.log(`\n== ${heading}: ${total.cases} answers`);
  console.log('kind            understood        non-answers stored');
  for (const [kind, t] of [...kinds].sort(([a], [b]) => a.localeCompare(b)))
    console.log(
      `${kind.padEnd(15)} ${`${t.understood}/${t.cases}`.padEnd(8)} ${pct(t).padEnd(9)} ${t.storedNonAnswers}`,
    );
  console.log(
    `${'all'.padEnd(15)} ${`${total.understood}/${total.cases}`.padEnd(8)} ${pct(total).padEnd(9)} ${total.storedNonAnswers}`,
  );
  if (misses.length > 0 && listMisses) console.log(`misses:\n${misses.join('\n')}`);
  return total;
}

/**
 * The case files beside this module, by name only (a held-out file is never read here, only listed): every
 * `dialog-answers*.yaml` that is not a held-out one is tuning, every `dialog-answers-holdout*.yaml` a held-out part.
 */
const files = readdirSync(new URL('.', import.meta.url))
  .filter((f) => /^dialog-answers.*\.yaml$/.test(f))
  .sort();
const isHeldOut = (file: string) => file.startsWith('dialog-answers-holdout');
const tuningFiles = files.filter((f) => !isHeldOut(f));
const heldOutFiles = process.argv.includes('--tuning') ? [] : files.filter(isHeldOut);

const tuningCases = tuningFiles.map((file) => ({ file, cases: loadCases(file) }));
const perFile: Tally[] = [];
for (const { file, cases } of tuningCases)
  perFile.push(await evaluate(`tuning part (eval/${file})`, cases, true));
// Several tuning files: the gate is on all of them together.
const tuning =
  tuningCases.length === 1
    ? (perFile[0] as Tally)
    : await evaluate(
        `tuning parts together (${tuningFiles.join(' + ')})`,
        tuningCases.flatMap((t) => t.cases),
        false,
      );
const heldOut: Array<{ file: string; tally: Tally }> = [];
for (const file of heldOutFiles)
  heldOut.push({
    file,
    tally: await evaluate(
      `held-out part (eval/${file}, never tuned on; misses not listed)`,
      loadCases(file),
      false,
    ),
  });
await app.close();
const pass = (t: Tally) => t.understood / t.cases >= TARGET && t.storedNonAnswers === 0;
console.log(
  `\ntarget: ≥ ${TARGET * 100} % understood, 0 non-answers stored — tuning ${pass(tuning) ? 'met' : 'missed'}${heldOut
    .map(({ file, tally }) => `, ${file} ${pass(tally) ? 'met' : 'missed'}`)
    .join('')}`,
);
process.exitCode = pass(tuning) ? 0 : 1;
