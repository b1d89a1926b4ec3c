import { z } from 'zod';
import { CoreError, type CoreErrorDetails } from '../core/errors';
import { actAs } from '../core/staff/acting-staff';
import { calls, type CallInput, type CallName, type CallOutput } from './contract';
import type { ApiError, Envelope } from './errors';
import { inputIssues } from '../core/input-issues';

export type Handlers = { [N in CallName]: (input: CallInput<N>) => CallOutput<N> | Promise<CallOutput<N>> };

/** Refuses a call before it runs (the blocking rule uses this); undefined lets it through. */
export type CallGuard = (name: CallName) => ApiError | undefined;

export interface Router {
  dispatch(name: unknown, input: unknown): Promise<Envelope<unknown>>;
}

export interface RouterOptions {
  guard?: CallGuard;
  /** The signed-in person each call runs as, so what it writes names them; undefined runs it as the system. */
  actor?: () => string | undefined;
  log?: (message: string, error?: unknown) => void;
}

function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(calls, name);
}

/**
 * Validates every input against the contract, then dispatches it. Anything
 * that is not a known call with a valid input gets a typed error and never
 * reaches core. Outputs are parsed too, which strips any field the contract
 * does not name, so nothing leaks to the renderer by accident.
 */
export function createRouter(handlers: Handlers, options: RouterOptions = {}): Router {
  const log = options.log ?? (() => {});
  return {
    async dispatch(name, input) {
      if (!isCallName(name)) {
        // The name is whatever the caller sent (a token, a customer's name): the log keeps only its length.
        log(`refused an unknown call (a name of ${String(name).length} characters)`);
        return fail('UNKNOWN_CALL', `Unknown call: ${String(name).slice(0, 80)}`);
      }
      const schema = calls[name];
      const parsed = schema.input.safeParse(input, { reportInput: true });
      if (!parsed.success) {
        log(`refused bad input for ${name}`);
        return fail('BAD_INPUT', z.prettifyError(parsed.error), { issues: uniqueByField(inputIssues(parsed.error)) });
      }
      const refusal = options.guard?.(name);
      if (refusal) return { ok: false, error: refusal };
      try {
        const handler = handlers[name] as (input: unknown) => unknown;
        const actor = options.actor?.();
        const value = await (actor === undefined ? handler(parsed.data) : actAs(actor, () => handler(parsed.data)));
        return { ok: true, value: schema.output.parse(value) };
      } catch (error) {
        if (error instanceof CoreError) return fail(error.code, error.message, error);
        log(`call ${name} failed`, error);
        return fail('INTERNAL', 'Something went wrong in the counter app. The action was not completed.');
      }
    },
  };
}

/**
 * A refusal repeats the offending keys: an attacker's 100 KB key must not
 * come back whole (nor a thousand of them), so the answer stays small.
 */
const MAX_MESSAGE_CHARS = 2000;
const MAX_FIELD_CHARS = 100;
const MAX_FIELDS = 20;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function fail(code: ApiError['code'], message: string, details: CoreErrorDetails = {}): Envelope<never> {
  const issues = (details.issues ?? []).slice(0, MAX_FIELDS).map((issue) => ({ ...issue, field: clip(issue.field, MAX_FIELD_CHARS) }));
  return {
    ok: false,
    error: {
      code,
      message: clip(message, MAX_MESSAGE_CHARS),
      ...(details.reason ? { reason: details.reason } : {}),
      ...(details.params ? { params: { ...details.params } } : {}),
      ...(issues.length > 0 ? { fields: [...new Set(issues.map((issue) => issue.field))], issues } : {}),
    },
  };
}

/** The first reason for each field: one message next to a field is enough. */
function uniqueByField<T extends { field: string }>(issues: readonly T[]): T[] {
  const seen = new Set<string>();
  return issues.filter((issue) => !seen.has(issue.field) && seen.add(issue.field));
}
