/**
 * What the adapter needs to know about rooms: members (DM or not, alone or not), power levels (community
 * managers) and who may invite the bot. Answers are cached per room and dropped when the room's membership
 * or power levels change.
 */
import type { MatrixClient } from 'matrix-bot-sdk';

/** Power level from which a room member counts as a community manager (Matrix "moderator"). */
export const MANAGER_POWER_LEVEL = 50;

interface PowerLevels {
  users?: Record<string, number>;
  users_default?: number;
}

/** The server part of a Matrix user id (`@name:server` → `server`). */
export function serverOf(userId: string): string {
  return userId.slice(userId.indexOf(':') + 1);
}

/** Whether an inviter may bring the bot into a room: anyone when no allow-list is set. */
export function mayInvite(inviter: string, allowedServers: string[], allowedUsers: string[]): boolean {
  if (allowedServers.length === 0 && allowedUsers.length === 0) return true;
  return allowedUsers.includes(inviter) || allowedServers.includes(serverOf(inviter));
}

/** Members, DM status and roles per room, cached until the room's state changes. */
export class RoomDirectory {
  readonly #client: MatrixClient;
  readonly #managers: ReadonlySet<string>;
  readonly #members = new Map<string, Promise<string[]>>();
  readonly #powerLevels = new Map<string, Promise<PowerLevels>>();

  /** `managers`: user ids that are community managers everywhere (MATRIX_MANAGERS). */
  constructor(client: MatrixClient, managers: string[]) {
    this.#client = client;
    this.#managers = new Set(managers);
  }

  /** Joined members of a room. */
  members(roomId: string): Promise<string[]> {
    return cached(this.#members, roomId, () => this.#client.getJoinedRoomMembers(roomId));
  }

  /** A one-to-one room: marked direct (m.direct) or holding just the bot and one person. */
  async isDirect(roomId: string): Promise<boolean> {
    return this.#client.dms.isDm(roomId) || (await this.members(roomId)).length === 2;
  }

  async powerLevel(roomId: string, userId: string): Promise<number> {
    const levels = await cached(this.#powerLevels, roomId, () =>
      this.#client.getRoomStateEvent(roomId, 'm.room.power_levels', '').catch(() => ({})),
    );
    return levels.users?.[userId] ?? levels.users_default ?? 0;
  }

  /**
   * Community manager: listed in MATRIX_MANAGERS, or power level ≥ 50 in the (group) room the message came
   * from AND in every room it names (a broadcast to several rooms). In a DM everyone is usually admin of their
   * own room, so there only the named rooms count.
   */
  async isManager(userId: string, roomId: string, isDirect: boolean, namedRooms: string[]): Promise<boolean> {
    if (this.#managers.has(userId)) return true;
    const rooms = isDirect ? namedRooms : [roomId, ...namedRooms];
    if (rooms.length === 0) return false;
    for (const room of rooms) if ((await this.powerLevel(room, userId)) < MANAGER_POWER_LEVEL) return false;
    return true;
  }

  /** Drops what is known of a room after a membership or power-level change. */
  invalidate(roomId: string, eventType: string): void {
    if (eventType === 'm.room.member') this.#members.delete(roomId);
    if (eventType === 'm.room.power_levels') this.#powerLevels.delete(roomId);
  }
}

/** Shares one lookup per key; a failed lookup is not kept, so the next call asks again. */
function cached<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  const existing = cache.get(key);
  if (existing) return existing;
  const loading = load();
  cache.set(key, loading);
  loading.catch(() => cache.delete(key));
  return loading;
}
