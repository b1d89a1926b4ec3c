import type { z } from 'zod';
import { z as zod } from 'zod';

/** A call: one input, one answer. Inputs are strict: an unknown key is bad input, not ignored. */
export function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

/** The input of a call that takes none. */
export const none = zod.undefined();

/** A feature's calls, by name. */
export type CallMap = Readonly<Record<string, { input: z.ZodType; output: z.ZodType }>>;

/** What main runs for each call of a map: typed from the map, so a feature's handlers cover exactly its own calls. */
export type HandlersOf<C extends CallMap> = {
  [N in keyof C]: (input: z.input<C[N]['input']>) => z.output<C[N]['output']> | Promise<z.output<C[N]['output']>>;
};
