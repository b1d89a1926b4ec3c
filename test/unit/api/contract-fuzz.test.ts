import type { Database } from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CALL_NAMES, type CallName } from '../../../main/api/contract';
import { createRouter } from '../../../main/api/router';
import type { CounterCore } from '../../../main/core/counter-core';
import { ERROR_CODES } from '../../../main/core/errors';
import { openTestCore } from '../../fixtures/core';
import { testHandlers } from '../../fixtures/handlers';
import { useTempDir } from '../../fixtures/temp-dir';
import { malformedInputOf, validShapedInputOf } from '../../fuzz/contract-arbitraries';

/**
 * Every call of the contract, fed inputs derived from its own zod schema
 * (valid-shaped ones and broken ones): each answer is a valid result or a
 * typed error, never INTERNAL, and a refused call leaves the database as it
 * was. `npm test` runs a few per call; `npm run fuzz` runs many
 * (FUZZ_RUNS per call).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 5);
/** Fed only broken inputs: a valid one would reach hosts on the internet, or list this machine's devices (seconds each). */
const ONLY_BROKEN: ReadonlySet<CallName> = new Set(['networks.testConnection', 'scanners.available']);
/** Written on purpose when a call is refused: every pickup-code attempt is logged, wrong ones too. */
const LOGGED_WHEN_REFUSED = new Set(['pickup_attempts']);
const MAX_REFUSAL_CHARS = 6_000;

const tempDir = useTempDir();
const opened: CounterCore[] = [];
afterEach(() => opened.splice(0).forEach((c) => c.close()));

function snapshot(db: Database): Record<string, unknown[]> {
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all();
  return Object.fromEntries(
    tables
      .filter(({ name }) => !LOGGED_WHEN_REFUSED.has(name))
      .map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]),
  );
}

describe('contract fuzz', () => {
  it.each(CALL_NAMES)(
    '%s: answers every input with a valid result or a typed error, and a refusal changes nothing',
    async (name) => {
      // A fresh store per call: the snapshot compared after each input stays small.
      const { core } = openTestCore(tempDir());
      opened.push(core);
      const router = createRouter(testHandlers(core));
      const inputs = ONLY_BROKEN.has(name) ? malformedInputOf(name) : fc.oneof(validShapedInputOf(name), malformedInputOf(name));
      await fc.assert(
        fc.asyncProperty(inputs, async (input) => {
          const before = snapshot(core.db);
          const answer = await router.dispatch(name, input);
          if (answer.ok) return;
          expect(ERROR_CODES).toContain(answer.error.code);
          expect(answer.error.code, answer.error.message).not.toBe('INTERNAL');
          expect(JSON.stringify(answer).length).toBeLessThan(MAX_REFUSAL_CHARS);
          expect(snapshot(core.db)).toEqual(before);
        }),
        { numRuns: RUNS * 2 },
      );
    },
    Math.max(30_000, RUNS * 2_000),
  );
});
