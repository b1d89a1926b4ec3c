/** A wrong-guess policy: `free` misses cost nothing, then each further one waits `baseMs` doubled, up to `maxMs`. */
export interface WaitPolicy {
  free: number;
  baseMs: number;
  maxMs: number;
}

/** How long to wait after `misses` wrong guesses in a row (0 while they are free). */
export function waitAfter(misses: number, policy: WaitPolicy): number {
  if (misses < policy.free) return 0;
  return Math.min(policy.baseMs * 2 ** (misses - policy.free), policy.maxMs);
}
