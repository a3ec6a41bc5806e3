/**
 * The greeting that orients: « bonjour », "hello", « rebonjour, on en était où ? » or a first message the bot
 * cannot read get who the bot is in one line, then its three paths as choices — ask a question, prepare an
 * application (with the calls open today), my reminders — and one line on help. Someone with an application
 * in progress hears where it stands first; the re-ask step then asks its current question. Someone asking
 * where things stand with none in progress hears so (and of their last finished one) before the paths.
 */
import type { Middleware } from '../core/bot.ts';
import type { Command } from '../core/commands.ts';
import type { Localized } from '../core/i18n.ts';
import { plural } from '../core/plural.ts';
import type { Situation } from '../core/situation.ts';
import { normalize } from '../core/text.ts';
import type { Turn } from '../core/turn.ts';

/** Phrases of someone coming back to where they left off (« on en était où ? »), as typed without accents. */
const RETURNING = {
  fr: ['rebonjour', 're bonjour', 'on en etait ou', 'ou en etions nous'],
  en: ['hello again', 'where were we', 'where was i'],
};
/** Words and phrases that greet or ask where things stand, as typed without accents or punctuation. */
const GREETINGS = {
  fr: ['bonjour', 'bonsoir', 'salut', 'coucou', ...RETURNING.fr],
  en: ['hello', 'hi', 'hey', 'good morning', ...RETURNING.en],
};
const ALL_GREETINGS = [...GREETINGS.fr, ...GREETINGS.en];

/** The words of a text, without accents, case or punctuation. */
const wordsOf = (text: string): string =>
  normalize(text)
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Whether a text is greetings and « where were we » only (« Rebonjour, on en était où ? »), one at least. */
export function isGreeting(text: string): boolean {
  let rest = wordsOf(text);
  let greetings = 0;
  for (let found = true; found && rest !== ''; ) {
    found = false;
    for (const greeting of ALL_GREETINGS) {
      if (rest === greeting || rest.startsWith(`${greeting} `)) {
        rest = rest.slice(greeting.length).trim();
        found = true;
        greetings++;
        break;
      }
    }
  }
  return greetings > 0 && (rest === '' || /^(nec bot|tout le monde|everyone|there)$/.test(rest));
}

/** What names the bot in a question about it: « ce bot », « nec-bot », "this assistant" (words without accents). */
const THE_BOT =
  '(?:(?:ce|le|cet|votre|ton|this|the|that|you) )?(?:bot|robot|chatbot|assistant|nec bot|outil|truc|thing)';
/**
 * Questions about the bot itself rather than about the NEC (« tu sers à quoi ? », « c'est quoi ce bot »,
 * "what is this bot for?", "who are you?"): whole messages, as `wordsOf` leaves them (« c'est » is « c est »).
 */
const ABOUT_THE_BOT = new RegExp(
  `^(?:${[
    '(?:tu sers|vous servez|sers tu|servez vous|ca sert|il sert) a quoi',
    `a quoi (?:tu sers|vous servez|sers tu|servez vous|ca sert|sert ${THE_BOT})`,
    `(?:c est |c )?quoi ${THE_BOT}`,
    `qu est ce que (?:c est (?:que )?)?${THE_BOT}`,
    `${THE_BOT} c est quoi`,
    '(?:tu fais|vous faites) quoi',
    '(?:que|qu est ce que) (?:fais tu|faites vous|tu fais|vous faites)',
    'qui (?:es tu|etes vous)',
    '(?:tu es|t es|vous etes) qui',
    `what (?:is|s) ${THE_BOT}(?: for)?`,
    'what (?:is|s) this for',
    'what (?:are|r) (?:you|u)(?: for)?',
    'what do (?:you|u) do',
    'who (?:are|r) (?:you|u)',
  ].join('|')})$`,
);

/** Whether a text asks what the bot is or is for (after greetings, if any: « bonjour, tu sers à quoi ? »). */
export function asksAboutTheBot(text: string): boolean {
  let rest = wordsOf(text);
  for (let found = true; found; ) {
    const greeting = ALL_GREETINGS.find((g) => rest.startsWith(`${g} `));
    found = greeting !== undefined;
    if (greeting) rest = rest.slice(greeting.length).trim();
  }
  return ABOUT_THE_BOT.test(rest);
}

const WHO: Localized = {
  fr: 'Bonjour ! Je suis nec-bot, l’assistant de la communauté Numérique en Commun[s].',
  en: 'Hello! I am nec-bot, the Numérique en Commun[s] community assistant.',
};
const HELP_LINE: Localized = {
  fr: 'Pour tout voir : « aide ». Vous pouvez aussi poser votre question directement.',
  en: 'To see everything: “help”. You can also just ask your question.',
};
const NOTHING_IN_PROGRESS: Localized = {
  fr: 'Vous n’avez pas de candidature en cours.',
  en: 'You have no application in progress.',
};
const HELLO_AGAIN: Localized = { fr: 'Rebonjour !', en: 'Hello again!' };
const ANSWERS_GIVEN = {
  fr: { one: '{count} réponse donnée', other: '{count} réponses données' },
  en: { one: '{count} answer given', other: '{count} answers given' },
};

/** Whether a greeting asks where things stand: then « nothing in progress » is an answer worth saying. */
function asksWhereWeWere(text: string): boolean {
  const words = ` ${wordsOf(text)} `;
  return [...RETURNING.fr, ...RETURNING.en].some((phrase) => words.includes(` ${phrase} `));
}

/** The greeting's replies; with an application in progress, where it stands (its question comes next). */
export async function welcome(turn: Turn, situation: Situation): Promise<void> {
  const current = await situation.inProgress(turn);
  if (current) {
    turn.say({
      intent: 'welcome',
      text: [
        turn.t(WHO),
        turn.t(
          {
            fr: 'Votre candidature « {call} » vous attend : {answers}, nous en sommes à l’étape {index}. Reprenons là où nous en étions ; « aide » pour le reste.',
            en: 'Your “{call}” application is waiting: {answers}, we are at step {index}. Let’s pick up where we left off; “help” for the rest.',
          },
          {
            call: current.callName,
            answers: turn.plural(current.answered, ANSWERS_GIVEN),
            index: current.index,
          },
        ),
      ].join('\n'),
      data: { application: current.id },
    });
    return;
  }
  const returning = asksWhereWeWere(turn.message.text);
  const completed = returning ? await situation.lastCompleted(turn) : undefined;
  // Someone the bot already knows needs no introduction; a newcomer asking « on en était où ? » does.
  const intro = !returning
    ? [turn.t(WHO)]
    : turn.state.greeted
      ? [`${turn.t(HELLO_AGAIN)} ${turn.t(NOTHING_IN_PROGRESS)}`]
      : [turn.t(WHO), turn.t(NOTHING_IN_PROGRESS)];
  if (completed) {
    intro.push(
      turn.t(
        {
          fr: 'Votre candidature « {call} » est terminée : « récapitulatif {id} » la remontre, « exporter {id} » vous en donne le dossier.',
          en: 'Your “{call}” application is complete: “summary {id}” shows it again, “export {id}” gives you its dossier.',
        },
        { call: completed.callName, id: completed.id },
      ),
    );
  }
  const open = situation.openCalls(turn);
  const apply = turn.lang === 'fr' ? 'candidater' : 'apply';
  const calls =
    open.length === 0
      ? turn.t({ fr: 'aucun appel n’est ouvert aujourd’hui', en: 'no call is open today' })
      : plural(
          turn.lang,
          open.length,
          {
            fr: { one: 'appel ouvert : {names}', other: 'appels ouverts : {names}' },
            en: { one: 'open call: {names}', other: 'open calls: {names}' },
          },
          { names: open.map((c) => c.name).join(', ') },
        );
  turn.say({
    intent: 'welcome',
    text: [
      ...intro,
      turn.t({ fr: 'Je peux vous aider à :', en: 'I can help you:' }),
      turn.t({
        fr: '• **poser une question** sur Numérique en Commun[s], ses appels et ses événements ;',
        en: '• **ask a question** about Numérique en Commun[s], its calls and events;',
      }),
      turn.t(
        {
          fr: '• **préparer une candidature** pas à pas ({calls}) ;',
          en: '• **prepare an application** step by step ({calls});',
        },
        { calls },
      ),
      turn.t({
        fr: '• **vos rappels** : échéances et engagements, quand vous voulez.',
        en: '• **your reminders**: deadlines and commitments, whenever you like.',
      }),
      turn.t(HELP_LINE),
    ].join('\n'),
    choices: [
      { id: 'faq', label: turn.t({ fr: 'Poser une question', en: 'Ask a question' }) },
      { id: apply, label: turn.t({ fr: 'Préparer une candidature', en: 'Prepare an application' }) },
      {
        id: turn.lang === 'fr' ? 'rappels' : 'reminders',
        label: turn.t({ fr: 'Mes rappels', en: 'My reminders' }),
      },
    ],
    data: {
      openCalls: open.map((c) => c.id),
      ...(returning ? { inProgress: false } : {}),
      ...(completed ? { completed: completed.id } : {}),
    },
  });
}

export function welcomeCommand(situation: Situation): Command {
  return {
    id: 'welcome',
    aliases: GREETINGS,
    summary: { fr: 'ce que je fais, et où vous en êtes', en: 'what I do, and where you stand' },
    dialogScoped: true,
    // « Bonjour, quand a lieu le NEC ? » is a question that starts politely, not a greeting.
    accepts: (args) =>
      wordsOf(args) === '' ||
      isGreeting(args) ||
      /^(nec bot|tout le monde|everyone|there)$/.test(wordsOf(args)),
    run: (turn) => welcome(turn, situation),
  };
}

/**
 * Before the commands: a message that is only greetings (« Rebonjour, on en était où ? », which the command
 * words alone do not match) or asks what the bot is for (« tu sers à quoi ? ») is read as the greeting — who
 * the bot is and its paths, not the FAQ's "no answer in my sources" — in a dialog too, where it would
 * otherwise be an answer.
 */
export function greetingMiddleware(command: Command): Middleware {
  return async (turn, next) => {
    const matched = turn.command?.command;
    const text = turn.message.text;
    if (
      (!matched || matched === command) &&
      text.trim() !== '' &&
      (isGreeting(text) || asksAboutTheBot(text))
    )
      turn.command = { command, args: '', lang: turn.lang, bare: true };
    await next();
  };
}

/**
 * Before the FAQ and the fallback: a first message the bot cannot answer gets the greeting too, after the
 * honest « je n’ai pas de réponse sûre » — the person does not know yet what the bot is for. One reply: the
 * fallback's text then the greeting's, its choices then the three paths (two messages to « x » read as spam).
 */
export function welcomeFirstContact(situation: Situation): Middleware {
  return async (turn, next) => {
    await next();
    const fallback = turn.replies.length === 1 ? turn.replies[0] : undefined;
    if (turn.state.greeted || fallback?.intent !== 'fallback') return;
    await welcome(turn, situation);
    const greeting = turn.replies.pop();
    if (!greeting) return;
    const choices = [...(fallback.choices ?? []), ...(greeting.choices ?? [])];
    turn.replies[0] = {
      ...fallback,
      text: `${fallback.text}\n\n${greeting.text}`,
      choices: choices.filter((c, i) => choices.findIndex((o) => o.id === c.id) === i),
      data: { ...greeting.data, ...fallback.data },
    };
  };
}
