/** FAQ commands: `faq` (topics), `faq <words>` (search), `talk to a person`, and managers' `unanswered`. */
import type { Config } from '../config.ts';
import type { Command } from '../core/commands.ts';
import type { Localized } from '../core/i18n.ts';
import { ownLink } from '../core/links.ts';
import { listOf } from '../core/lists.ts';
import type { Platform } from '../core/message.ts';
import type { Turn } from '../core/turn.ts';
import { answerFromFaq } from './middleware.ts';
import type { FaqService } from './service.ts';
import type { UnansweredLog } from './unanswered.ts';

const UNANSWERED_SHOWN = 20;

/** `faq`, `faq <topic-id>` or `faq <question>`. */
export function faqCommand(faq: FaqService, unanswered: UnansweredLog, currentCall: CurrentCall): Command {
  return {
    id: 'faq',
    aliases: { en: ['faq', 'questions'], fr: ['faq', 'questions fréquentes', 'foire aux questions'] },
    summary: {
      fr: 'les sujets auxquels je réponds, ou une recherche',
      en: 'the topics I answer, or a search',
    },
    usage: { fr: '[mots]', en: '[words]' },
    async run(turn, args) {
      if (args === '') return turn.say(faq.topics(turn.lang));
      const topic = faq.kb.topic(args.trim().toLowerCase());
      if (topic) return turn.say(faq.topicEntries(topic, turn.lang));
      await answerFromFaq(faq, unanswered, turn, args, currentCall);
    },
  };
}

/** The call of the application in progress, if any: its contact is the one to give first. */
export type CurrentCall = (turn: Turn) => Promise<{ callId: string; callName: string } | undefined>;

/**
 * `talk to a person` / « parler à quelqu'un »: the contacts from the sources and, in chat, the community
 * managers. In the middle of an application, the contact of the call being prepared comes first, the others
 * after it (the person may be asking about something else).
 */
export function talkToPersonCommand(faq: FaqService, config: Config, currentCall: CurrentCall): Command {
  return {
    id: 'talk-to-person',
    aliases: {
      en: ['talk to a person', 'talk to someone', 'talk to a human', 'speak to someone', 'contacts'],
      fr: ['parler à quelqu’un', 'parler à une personne', 'parler à un humain', 'contacts'],
    },
    summary: { fr: 'joindre une personne', en: 'reach a person' },
    async run(turn) {
      const managers = mentions(turn.message.ref.platform, config);
      const current = await currentCall(turn);
      const topic = current && faq.topicOfCall(current.callId);
      const lines =
        current && topic
          ? [
              turn.t(CALL_CONTACT, { call: current.callName, contact: topic.contact[turn.lang] }),
              `${turn.t(OTHER_CONTACTS)}\n${faq.contacts(turn.lang, topic)}`,
            ]
          : [turn.t(CONTACTS_INTRO), faq.contacts(turn.lang)];
      if (managers.length > 0) lines.push(turn.t(MANAGERS, { managers: listOf(managers, turn.lang) }));
      turn.say({
        intent: 'contact',
        text: lines.join('\n\n'),
        ...(current && topic ? { data: { call: current.callId } } : {}),
      });
    },
  };
}

/** `unanswered` / « sans réponse » (managers): the questions the FAQ could not answer, most frequent first. */
export function unansweredCommand(unanswered: UnansweredLog): Command {
  return {
    id: 'unanswered',
    aliases: { en: ['unanswered', 'unanswered questions'], fr: ['sans réponse', 'questions sans réponse'] },
    summary: {
      fr: 'les questions restées sans réponse (90 derniers jours)',
      en: 'questions left unanswered (last 90 days)',
    },
    managerOnly: true,
    async run(turn) {
      const top = await unanswered.top(UNANSWERED_SHOWN);
      turn.say({
        intent: 'faq:unanswered',
        text:
          top.length === 0
            ? turn.t(NONE_UNANSWERED)
            : [turn.t(UNANSWERED_INTRO), ...top.map((q) => `• ${q.count} × « ${q.question} »`)].join('\n'),
        data: { unanswered: top },
      });
    },
  };
}

function mentions(platform: Platform, config: Config): string[] {
  if (platform === 'slack') return config.SLACK_MANAGERS.map((id) => `<@${id}>`);
  if (platform === 'matrix')
    return config.MATRIX_MANAGERS.map((id) => ownLink(id, `https://matrix.to/#/${id}`));
  return [];
}

const CONTACTS_INTRO: Localized = {
  fr: 'Voici les personnes à contacter, selon le sujet (d’après les sources) :',
  en: 'Here is whom to contact, by topic (as the sources give it):',
};
const CALL_CONTACT: Localized = {
  fr: 'Pour votre candidature « {call} », voici qui joindre (d’après les sources) : {contact}',
  en: 'For your “{call}” application, here is whom to contact (as the sources give it): {contact}',
};
const OTHER_CONTACTS: Localized = {
  fr: 'Pour un autre sujet :',
  en: 'For another topic:',
};
const MANAGERS: Localized = {
  fr: 'Les community managers de cet espace peuvent aussi vous aider : {managers}.',
  en: 'The community managers of this space can help too: {managers}.',
};
const UNANSWERED_INTRO: Localized = {
  fr: 'Questions sans réponse des 90 derniers jours (les plus fréquentes d’abord) :',
  en: 'Unanswered questions of the last 90 days (most frequent first):',
};
const NONE_UNANSWERED: Localized = {
  fr: 'Aucune question sans réponse ces 90 derniers jours.',
  en: 'No unanswered question in the last 90 days.',
};
