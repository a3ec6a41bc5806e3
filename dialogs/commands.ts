/** The dialogs' commands, in French and English: apply, back, skip, edit, status, cancel, list, open, delete, summary, export. */
import type { Command } from '../src/core/commands.ts';
import type { Turn } from '../src/core/turn.ts';
import type { Application } from './application.ts';
import type { DialogEngine } from './engine.ts';
import { exportFiles } from './export/dossier.ts';
import { missingSteps } from './steps.ts';

/**
 * Every dialog command. All are dialog-scoped: while a dialog runs, its step decides whether `Open Lab Co` is
 * the command `open` or an answer (see the middleware).
 */
export function dialogCommands(engine: DialogEngine, timezone: string, now: () => Date): Command[] {
  const latest = (turn: Turn): Promise<Application | undefined> => engine.latest(turn);
  const named = async (turn: Turn, id: string): Promise<Application | undefined> => {
    const found = id ? await engine.store.get(turn.user, id.trim()) : await latest(turn);
    if (found) return found;
    // With none at all, one sentence says so and how to start; a wrong id is followed by the list to pick from.
    const none = (await engine.store.list(turn.user)).length === 0;
    turn.say({
      intent: 'dialog:unknown-application',
      text: turn.t(
        none
          ? {
              fr: 'Vous n’avez pas encore de candidature. Écrivez « candidater » pour en commencer une.',
              en: 'You have no application yet. Type “apply” to start one.',
            }
          : { fr: 'Je ne trouve pas de candidature « {id} ».', en: 'I cannot find an application “{id}”.' },
        { id },
      ),
    });
    if (!none) await list.run(turn, '');
    return undefined;
  };
  const withActive =
    (operation: (turn: Turn, application: Application) => Promise<void> | void) =>
    async (turn: Turn): Promise<void> => {
      const application = await engine.active(turn);
      if (!application) return engine.noActive(turn);
      await operation(turn, application);
    };

  const apply: Command = {
    id: 'dialog-apply',
    dialogScoped: true,
    aliases: {
      en: ['apply', 'apply to', 'new application', 'start application'],
      fr: ['candidater', 'candidater à', 'postuler', 'nouvelle candidature', 'déposer une candidature'],
    },
    summary: { fr: 'préparer une candidature pas à pas', en: 'prepare an application step by step' },
    usage: { fr: '[appel]', en: '[call]' },
    async run(turn, args) {
      const dialog = args ? engine.dialogNamed(args) : undefined;
      // « apply for the travel allowance, we're 680 km from Paris »: the words after the call's name are facts too.
      if (dialog) return engine.start(turn, dialog, args);
      const word = turn.lang === 'fr' ? 'candidater' : 'apply';
      // Each call with its status today: a closed one is said before anyone starts on it.
      const listed = engine.dialogs.map((d) => ({
        id: `${word} ${d.id}`,
        label: engine.callWithStatus(d.id, turn.lang, turn.timezone(timezone)),
      }));
      turn.say({
        intent: 'dialog:choose-call',
        text: [
          turn.t(
            args
              ? {
                  fr: 'Je ne connais pas l’appel « {args} ». À quel appel voulez-vous candidater ?',
                  en: 'I do not know the call “{args}”. Which call do you want to apply to?',
                }
              : { fr: 'À quel appel voulez-vous candidater ?', en: 'Which call do you want to apply to?' },
            { args },
          ),
          ...listed.map((c) => `• ${c.label}`),
        ].join('\n'),
        choices: listed,
      });
    },
  };
  const back: Command = {
    id: 'dialog-back',
    aliases: { en: ['back', 'previous', 'go back'], fr: ['retour', 'précédent', 'revenir'] },
    summary: { fr: 'revenir à l’étape précédente', en: 'go back one step' },
    dialogScoped: true,
    run: withActive((turn, application) => engine.back(turn, application)),
  };
  const skip: Command = {
    id: 'dialog-skip',
    aliases: { en: ['skip', 'pass'], fr: ['passer', 'sauter', 'je passe'] },
    summary: { fr: 'passer une étape (elle reste à compléter)', en: 'skip a step (it stays to be given)' },
    dialogScoped: true,
    run: withActive((turn, application) => engine.skip(turn, application)),
  };
  const status: Command = {
    id: 'dialog-status',
    aliases: {
      en: ['status', 'where am i', 'where are we', 'progress'],
      fr: [
        'état',
        'statut',
        'où en suis-je',
        'où j’en suis',
        'on en est où',
        'où en est-on',
        'où en sommes-nous',
      ],
    },
    summary: { fr: 'où en est la candidature', en: 'where the application stands' },
    dialogScoped: true,
    async run(turn) {
      const application = await latest(turn);
      if (!application) return engine.noActive(turn);
      await engine.status(turn, application);
    },
  };
  const cancel: Command = {
    id: 'dialog-cancel',
    aliases: {
      en: ['cancel', 'abandon', 'cancel application'],
      fr: ['annuler', 'abandonner', 'annuler la candidature'],
    },
    summary: { fr: 'abandonner la candidature en cours', en: 'abandon the application in progress' },
    dialogScoped: true,
    run: withActive((turn, application) => engine.cancel(turn, application)),
  };
  const edit: Command = {
    id: 'dialog-edit',
    dialogScoped: true,
    aliases: { en: ['edit', 'change'], fr: ['modifier', 'changer', 'corriger'] },
    summary: { fr: 'modifier une réponse', en: 'change an answer' },
    usage: { fr: '<élément>', en: '<item>' },
    async run(turn, args) {
      const application = await latest(turn);
      if (!application) return engine.noActive(turn);
      await engine.edit(turn, application, args);
    },
  };
  const list: Command = {
    id: 'dialog-list',
    dialogScoped: true,
    aliases: { en: ['applications', 'my applications'], fr: ['candidatures', 'mes candidatures'] },
    summary: { fr: 'lister vos candidatures', en: 'list your applications' },
    async run(turn) {
      const applications = await engine.store.list(turn.user);
      if (applications.length === 0) {
        turn.say({
          intent: 'dialog:list',
          text: turn.t({
            fr: 'Vous n’avez aucune candidature. Écrivez « candidater » pour commencer.',
            en: 'You have no application. Type “apply” to start one.',
          }),
        });
        return;
      }
      const word = turn.lang === 'fr' ? 'ouvrir' : 'open';
      turn.say({
        intent: 'dialog:list',
        text: [
          turn.t({ fr: '**Vos candidatures**', en: '**Your applications**' }),
          ...applications.map(
            (a) => `• \`${a.id}\` — ${engine.callName(a.callId, turn.lang)} — ${stateOf(engine, turn, a)}`,
          ),
        ].join('\n'),
        choices: applications.map((a) => ({
          id: `${word} ${a.id}`,
          label: `${a.id} — ${engine.callName(a.callId, turn.lang)}`,
        })),
        data: { applications: applications.map((a) => ({ id: a.id, callId: a.callId, status: a.status })) },
      });
    },
  };
  const open: Command = {
    id: 'dialog-open',
    dialogScoped: true,
    aliases: { en: ['open', 'resume application', 'continue application'], fr: ['ouvrir', 'reprendre'] },
    summary: { fr: 'reprendre une candidature', en: 'resume an application' },
    usage: { fr: '<id>', en: '<id>' },
    async run(turn, args) {
      const application = await named(turn, args);
      if (application) await engine.open(turn, application);
    },
  };
  const remove: Command = {
    id: 'dialog-delete',
    dialogScoped: true,
    aliases: {
      en: ['delete application', 'remove application', 'delete my application', 'remove my application'],
      fr: [
        'supprimer candidature',
        'supprimer la candidature',
        'effacer candidature',
        'supprimer ma candidature',
        'effacer ma candidature',
      ],
    },
    summary: {
      fr: 'supprimer une candidature et ses rappels',
      en: 'delete an application and its reminders',
    },
    usage: { fr: '<id>', en: '<id>' },
    async run(turn, args) {
      // « supprimer ma candidature » names the only one there is; among several, the list says which is which.
      const all = args ? [] : await engine.store.list(turn.user);
      if (!args && all.length !== 1) {
        await list.run(turn, '');
        return;
      }
      const application = all[0] ?? (await named(turn, args));
      if (application) engine.confirmDelete(turn, application);
    },
  };
  const summary: Command = {
    id: 'dialog-summary',
    dialogScoped: true,
    aliases: { en: ['summary', 'recap'], fr: ['récapitulatif', 'recap', 'synthèse'] },
    summary: { fr: 'le récapitulatif d’une candidature', en: 'the summary of an application' },
    usage: { fr: '[id]', en: '[id]' },
    async run(turn, args) {
      const application = await named(turn, args);
      if (application) await engine.summary(turn, application);
    },
  };
  const exportCommand: Command = {
    id: 'dialog-export',
    dialogScoped: true,
    aliases: {
      en: ['export', 'export application'],
      fr: ['exporter', 'exporter la candidature', 'exporter le dossier'],
    },
    summary: {
      fr: 'le brouillon du dossier, vos réponses et les dates clés en fichiers',
      en: 'the draft file, your answers and the key dates as files',
    },
    usage: { fr: '[id]', en: '[id]' },
    async run(turn, args) {
      const application = await named(turn, args);
      if (!application) return;
      const dialog = engine.dialogOf(application);
      const attachments = exportFiles({
        dialog,
        call: engine.callOf(application),
        steps: engine.steps(dialog),
        application,
        now: now(),
        timezone: turn.timezone(timezone),
        lang: turn.lang,
      });
      turn.say({
        intent: `dialog:${application.callId}:export`,
        text: turn.t(
          {
            fr: 'Voici le brouillon du dossier « {call} », vos réponses en JSON et les dates clés à importer dans votre agenda : {files}.',
            en: 'Here is the “{call}” draft application file, your answers as JSON and the key dates to import into your calendar: {files}.',
          },
          {
            call: engine.callName(application.callId, turn.lang),
            files: attachments.map((a) => a.filename).join(', '),
          },
        ),
        attachments,
        ...(turn.message.ref.isDirect ? {} : { toDirect: true }),
      });
    },
  };
  return [apply, back, skip, status, cancel, edit, list, open, remove, summary, exportCommand];
}

/**
 * « terminée », « toutes les étapes passées, 6 réponses manquantes » (skipped steps are not an end), or « en cours,
 * étape « date de l’événement » »: the step by its label, as people read it.
 */
function stateOf(engine: DialogEngine, turn: Turn, application: Application): string {
  const steps = engine.steps(engine.dialogOf(application));
  if (application.status === 'complete') {
    const missing = missingSteps(steps, application).length;
    if (missing === 0) return turn.t({ fr: 'terminée', en: 'complete' });
    return turn.plural(missing, {
      fr: {
        one: 'toutes les étapes passées, {count} réponse manquante',
        other: 'toutes les étapes passées, {count} réponses manquantes',
      },
      en: {
        one: 'every step done, {count} answer missing',
        other: 'every step done, {count} answers missing',
      },
    });
  }
  const step = steps.find((s) => s.slot === application.currentSlot);
  return turn.t(
    { fr: 'en cours, étape « {label} »', en: 'in progress, at “{label}”' },
    { label: step?.label[turn.lang] ?? '' },
  );
}
