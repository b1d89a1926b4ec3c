import { z } from 'zod';
import { call, none } from '../call';
import { MAX_IDLE_LOCK_MINUTES } from '../../core/staff/staff-shapes';
import {
  pinSchema,
  sessionSchema,
  signInChoiceSchema,
  signInResultSchema,
  staffIdSchema,
  staffNameSchema,
  staffRoleSchema,
  staffRowSchema,
} from './schemas';

export const staffCalls = {
  'session.current': call(none, sessionSchema),
  /** The first manager, on a fresh install only; signs them in. */
  'session.setUp': call(z.strictObject({ name: staffNameSchema, pin: pinSchema }), sessionSchema),
  /** Also the quick switch: a right PIN replaces whoever was signed in. */
  'session.signIn': call(z.strictObject({ staffId: staffIdSchema, pin: z.string().max(8) }), signInResultSchema),
  'session.lock': call(none, sessionSchema),
  /** The renderer saw a touch or a key: the idle time starts again. */
  'session.touch': call(none, z.null()),
  'staff.signInList': call(none, z.array(signInChoiceSchema)),
  'staff.list': call(none, z.array(staffRowSchema)),
  'staff.add': call(z.strictObject({ name: staffNameSchema, role: staffRoleSchema, pin: pinSchema }), z.array(staffRowSchema)),
  'staff.resetPin': call(z.strictObject({ staffId: staffIdSchema, pin: pinSchema }), z.array(staffRowSchema)),
  'staff.setRole': call(z.strictObject({ staffId: staffIdSchema, role: staffRoleSchema }), z.array(staffRowSchema)),
  /** Deactivate (never delete: the logs name the person) or activate again. */
  'staff.setActive': call(z.strictObject({ staffId: staffIdSchema, active: z.boolean() }), z.array(staffRowSchema)),
  'staff.setIdleLock': call(z.strictObject({ minutes: z.number().int().min(0).max(MAX_IDLE_LOCK_MINUTES) }), sessionSchema),
} as const;
