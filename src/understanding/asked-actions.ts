/**
 * An action of the bot asked for in words rather than by its command: a broadcast (« je voudrais envoyer un
 * message à tout le monde pour la date limite », « comment diffuser une annonce dans le canal ? », "can I post a
 * message to everyone about the deadline?"). Read as: a verb of sending, what is sent (a message, an
 * announcement, a reminder) or its purpose (warn, tell), and everyone as its audience (all, the members, the
 * channel, the community). Words after it (« pour la date limite ») are the subject and change nothing.
 */
import { normalize } from '../core/text.ts';

export type AskedAction = 'broadcast';

const SEND = String.raw`(?:envoy\w*|diffus\w*|annonc\w*|programm\w*|publi\w*|post\w*|fai\w* passer|send\w*|sent|broadcast\w*|announc\w*|schedul\w*|publish\w*|shar\w*|partag\w*)`;
const WARN = String.raw`(?:preven\w*|previen\w*|avert\w*|inform\w*|rappel\w*|prevenir|warn\w*|tell\w*|remind\w*|notif\w*)`;
const THING = String.raw`(?:un|une|des|le|la|les|mon|ma|notre|a|an|the|my|our)\s+(?:(?:petit|petite|short|quick)\s+)?(?:message|messages|annonce|annonces|rappel|rappels|info|information|communication|mot|note|announcement|announcements|reminder|reminders|notice|post|news)`;
const EVERYONE = String.raw`(?:(?:(?:a|pour|aupres de|dans|sur|to|for|in|on|with)\s+)?(?:tout le monde|tous les membres|toute la communaute|l'ensemble des membres|les membres|aux membres|la communaute|tout le canal|le canal|les canaux|ce canal|le salon|les salons|everyone|everybody|all the members|all members|the members|the whole community|the community|the channel|the channels|this channel|the room|the rooms)\b|\b(?:a|pour) (?:tous|toutes)\b)`;

const BROADCAST = new RegExp(
  String.raw`(?:^|\b)(?:${SEND}\s+(?:\S+\s+){0,2}?${THING}\s+(?:\S+\s+){0,3}?${EVERYONE}|${WARN}\s+(?:\S+\s+){0,1}?${EVERYONE})`,
);

/** The action the message asks the bot for, if it is one of those read in words; undefined otherwise. */
export function askedAction(text: string): AskedAction | undefined {
  const typed = normalize(text);
  // A long paste is a text of its own (a goal, a description), not a request to the bot.
  if (typed.length > 160) return undefined;
  return BROADCAST.test(typed) ? 'broadcast' : undefined;
}
