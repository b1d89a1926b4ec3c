import { z } from 'zod';
import type { AdjustableClock } from '../core/clock';
import type { ScanSource } from '../devices/scan';

export const scanRequestSchema = z.strictObject({
  code: z.string().min(1).max(512),
  source: z.enum(['wedge', 'serial', 'hid']),
});
export const clockRequestSchema = z.strictObject({
  advanceMs: z
    .number()
    .int()
    .nonnegative()
    .max(400 * 24 * 3600 * 1000),
  /** true: the clock stands still (advanceMs still moves it); false: it runs on from there. */
  hold: z.boolean().optional(),
});

export interface TestHookTarget {
  clock: AdjustableClock;
  scan(code: string, source: ScanSource): void;
  clockMoved(): Promise<void>;
}

export type HookResponse = { status: number; body: unknown };

/** The --test-hooks endpoints of the browser host's test seam (README.md, Architecture). Never mounted without the flag. */
export async function handleTestHook(
  method: string,
  path: string,
  body: unknown,
  target: TestHookTarget,
): Promise<HookResponse | undefined> {
  if (method === 'GET' && path === '/test/health') return { status: 200, body: { ok: true } };
  if (method === 'POST' && path === '/test/scan') {
    const parsed = scanRequestSchema.safeParse(body);
    if (!parsed.success) return badRequest(parsed.error);
    target.scan(parsed.data.code, parsed.data.source);
    return { status: 200, body: { ok: true } };
  }
  if (method === 'POST' && path === '/test/clock') {
    const parsed = clockRequestSchema.safeParse(body);
    if (!parsed.success) return badRequest(parsed.error);
    if (parsed.data.hold !== undefined) target.clock.hold(parsed.data.hold);
    const now = target.clock.advance(parsed.data.advanceMs);
    await target.clockMoved();
    return { status: 200, body: { ok: true, now } };
  }
  return undefined;
}

function badRequest(error: z.ZodError): HookResponse {
  return { status: 400, body: { ok: false, error: { code: 'BAD_INPUT', message: z.prettifyError(error) } } };
}
