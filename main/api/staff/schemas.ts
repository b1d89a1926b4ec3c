import { z } from 'zod';
import { MAX_IDLE_LOCK_MINUTES, STAFF_ROLES } from '../../core/staff/staff-shapes';

export const staffIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
export const pinSchema = z.string().regex(/^\d{4,8}$/);
export const staffNameSchema = z.string().trim().min(1).max(60);
export const staffRoleSchema = z.enum(STAFF_ROLES);

export const staffMemberSchema = z.object({
  id: staffIdSchema,
  name: z.string(),
  role: staffRoleSchema,
  active: z.boolean(),
});
export type StaffMemberView = z.infer<typeof staffMemberSchema>;

/** What the PIN pad lists: the people who can sign in now, no roles. */
export const signInChoiceSchema = z.object({ id: staffIdSchema, name: z.string() });

export const staffRowSchema = staffMemberSchema.extend({
  /** Wrong PINs make this person wait until then (null when they may try now). */
  lockedUntil: z.number().int().nullable(),
});

export const sessionSchema = z.object({
  /** No manager exists yet: the app shows the setup step. */
  setupNeeded: z.boolean(),
  person: staffMemberSchema.nullable(),
  /** 0: the idle lock is off. */
  idleLockMinutes: z.number().int().min(0).max(MAX_IDLE_LOCK_MINUTES),
});
export type SessionView = z.infer<typeof sessionSchema>;

export const signInResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('signed-in'), session: sessionSchema }),
  /** `freeLeft`: wrong PINs left before each further one makes the person wait. */
  z.object({ outcome: z.literal('wrong-pin'), freeLeft: z.number().int().min(0), lockedUntil: z.number().int().nullable() }),
  z.object({ outcome: z.literal('locked'), lockedUntil: z.number().int() }),
]);
export type SignInResult = z.infer<typeof signInResultSchema>;
