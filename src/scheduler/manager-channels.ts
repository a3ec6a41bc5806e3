/** What managers' broadcasts and channel subscriptions share: the options they are built with, listing scopes, refusals. */
import type { ConversationRef } from '../core/message.ts';
import type { Turn } from '../core/turn.ts';
import type { AtomicOps } from '../store/atomic.ts';
import type { Scheduler } from './scheduler.ts';

/** Which platform and workspace a listing is limited to (a Slack workspace sees only its own). */
export type BroadcastScope = Pick<ConversationRef, 'platform' | 'workspace'>;

/** What both the broadcasts and the subscriptions are built with. */
export interface ManagerChannelOptions {
  scheduler: Scheduler;
  /** Where each keeps its index (broadcast ids, subscriptions), changed atomically across replicas. */
  atomic: AtomicOps;
  defaultZone: string;
}

/** Answers a manager's command that cannot be carried out; `intent` is shared so scripts see one refusal kind. */
export function refuse(turn: Turn, text: string, intent = 'broadcast:refused'): void {
  turn.say({ intent, text });
}

/** Whether a conversation (or a broadcast) belongs to the scope's platform and workspace. */
export function inScope(where: BroadcastScope, scope: BroadcastScope): boolean {
  return where.platform === scope.platform && where.workspace === scope.workspace;
}
