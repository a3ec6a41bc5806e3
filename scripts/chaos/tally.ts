/** The per-job figures both chaos modes print: delivered once / twice / lost, and late (> 60 s after due). */

export const LATE_MS = 60_000;

export interface Tally {
  once: number;
  twice: number;
  lost: number;
  late: number;
  /** How late each late job's first post was, in ms after it was due. */
  lateBy: number[];
}

/** `posts` holds, per job id, when each post of it reached the platform (epoch ms). */
export function tally(jobs: Array<{ id: string; dueAt: number }>, posts: Map<string, number[]>): Tally {
  const result: Tally = { once: 0, twice: 0, lost: 0, late: 0, lateBy: [] };
  for (const { id, dueAt } of jobs) {
    const times = posts.get(id) ?? [];
    if (times.length === 0) result.lost++;
    else if (times.length === 1) result.once++;
    else result.twice++;
    const delay = Math.min(...times) - dueAt;
    if (times.length > 0 && delay > LATE_MS) {
      result.late++;
      result.lateBy.push(delay);
    }
  }
  return result;
}

export function describe({ once, twice, lost, late, lateBy }: Tally): string {
  const by = lateBy.length ? ` (by ${lateBy.map((ms) => `${(ms / 1000).toFixed(0)} s`).join(', ')})` : '';
  return `once ${once}, twice ${twice}, lost ${lost}, late ${late}${by}`;
}
