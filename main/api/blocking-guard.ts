import type { BlockingTask } from '../core/parcels/blocking';
import type { CallName } from './contract';
import type { CallGuard } from './router';

/**
 * What stays available while the counter is blocked (docs/rules.md, Parcels):
 * the pending task itself, the driver QR, help, reading state, and the
 * language (a display preference, so a colleague can read the screen).
 */
const ALWAYS_ALLOWED: ReadonlySet<CallName> = new Set<CallName>([
  'system.status',
  'settings.get',
  'settings.setLanguage',
  'networks.list',
  // The link status and a driver at the counter are state to read; dismissing the banner changes no parcel.
  'networks.links',
  'networks.checkIns',
  'networks.dismissCheckIn',
  // The store's time zone and country: the blocked screen writes its deadline in the store's time.
  'store.profile',
  'driverQr.show',
  'driverQr.suggestNetwork',
  'counter.status',
  'parcels.locate',
  // The beep volume of the scans that lift the block; reading it changes nothing.
  'scanners.preferences',
  // The version and the notes of an update just installed: reading and closing them changes nothing.
  'updates.status',
  'updates.releaseNotesSeen',
  // Who must do the overdue task has to be able to sign in first (also after a restart or the idle lock).
  'staff.signInList',
  // The red notice of a broken custody chain and a hand-over's receipt number are state to read.
  'custody.alert',
  'custody.receipt',
  // Kiosk mode is the window, not the counter's work.
  'kiosk.state',
  'kiosk.leave',
  // The display kept awake under the driver QR, which stays available.
  'display.keepAwake',
]);

const TASK_CALLS: Record<BlockingTask['kind'], string> = {
  intake: 'delivery.',
  'expired-scan': 'expired.',
};

/** Help and support stay open while blocked: a stuck counter is exactly when the shop needs them. Sign-in too. */
const ALWAYS_ALLOWED_PREFIXES = ['help.', 'support.', 'session.'] as const;

/** Main enforces blocking: a refused call never reaches core, whatever the renderer shows. */
export function blockingGuard(currentTask: () => BlockingTask | undefined): CallGuard {
  return (name) => {
    if (ALWAYS_ALLOWED.has(name) || ALWAYS_ALLOWED_PREFIXES.some((prefix) => name.startsWith(prefix))) return undefined;
    const task = currentTask();
    if (!task || name.startsWith(TASK_CALLS[task.kind])) return undefined;
    // The screen translates the code and reads the task from counter.status; the message is for a developer reading the refusal.
    return { code: 'BLOCKED', message: `Blocked by the overdue ${task.kind} task (deadline ${new Date(task.deadlineAt).toISOString()})` };
  };
}
