/** The staff rules the contract repeats: Node-free, since the renderer imports the contract. */
export const STAFF_ROLES = ['clerk', 'manager'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const DEFAULT_IDLE_LOCK_MINUTES = 10;
/** 0 turns the idle lock off (a one-person shop may choose that); at most a working day. */
export const MAX_IDLE_LOCK_MINUTES = 12 * 60;

/** The built-in user of work nobody at the counter started: manifests, expiry sweeps, background syncs. */
export const SYSTEM_ACTOR = 'counter';
