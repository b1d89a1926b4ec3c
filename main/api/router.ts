import { z } from 'zod';
import { CoreError } from '../core/errors';
import { actAs } from '../core/staff/acting-staff';
import { calls, type CallInput, type CallName, type CallOutput } from './contract';
import type { ApiError, Envelope } from './errors';

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
        log(`refused unknown call ${String(name)}`);
        return fail('UNKNOWN_CALL', `Unknown call: ${String(name).slice(0, 80)}`);
      }
      const schema = calls[name];
      const parsed = schema.input.safeParse(input);
      if (!parsed.success) {
        log(`refused bad input for ${name}`);
        return fail('BAD_INPUT', clip(z.prettifyError(parsed.error), MAX_MESSAGE_CHARS), fieldsOf(parsed.error).slice(0, MAX_FIELDS).map((f) => clip(f, MAX_FIELD_CHARS)));
      }
      const refusal = options.guard?.(name);
      if (refusal) return { ok: false, error: refusal };
      try {
        const handler = handlers[name] as (input: unknown) => unknown;
        const actor = options.actor?.();
        const value = await (actor === undefined ? handler(parsed.data) : actAs(actor, () => handler(parsed.data)));
        return { ok: true, value: schema.output.parse(value) };
      } catch (error) {
        if (error instanceof CoreError) return fail(error.code, error.message, error.fields, error.reasons);
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

function fail(code: ApiError['code'], message: string, fields?: readonly string[], reasons?: Readonly<Record<string, string>>): Envelope<never> {
  return {
    ok: false,
    error: { code, message, ...(fields && fields.length > 0 ? { fields: [...new Set(fields)] } : {}), ...(reasons && Object.keys(reasons).length > 0 ? { reasons: { ...reasons } } : {}) },
  };
}

/** The dotted path of each field a schema refused (an unknown key counts as its own path). */
function fieldsOf(error: z.ZodError): string[] {
  return error.issues.flatMap((issue) => {
    const at = issue.path.map(String);
    return issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...at, key].join('.')) : [at.join('.')];
  });
}
