import type { StaffRole } from '../core/staff/staff-shapes';
import type { StaffSession } from '../core/staff/staff-session';
import { CALL_NAMES, type CallName } from './contract';
import type { CallGuard } from './router';

/** `none`: anyone at the counter, signed in or not. */
export type CallRole = 'none' | StaffRole;

/**
 * The role each call needs, enforced in main whatever the renderer shows.
 * The driver QR and help need nobody (a driver must never wait); the counter
 * flows, inventory and support cases need a clerk; settings, networks and
 * tokens, policies, staff, backups, training and the custody log's export
 * need a manager. A call missing here needs a manager (the safe side), and
 * the role-table test names it until it is listed.
 */
export const CALL_ROLES: Readonly<Partial<Record<CallName, CallRole>>> = {
  'system.status': 'none',
  'settings.get': 'none',
  // The language is how the screen reads, for whoever stands at it.
  'settings.setLanguage': 'none',
  'networks.list': 'none',
  'driverQr.show': 'none',
  'driverQr.suggestNetwork': 'none',
  'help.requestCallback': 'none',
  'help.callbacks': 'none',
  // What the screen needs before anyone signs in: scanner beeps, keys a wedge scanner types.
  'scanners.preferences': 'none',
  'wedge.keys': 'none',
  'session.current': 'none',
  'session.setUp': 'none',
  'session.signIn': 'none',
  'session.lock': 'none',
  'session.touch': 'none',
  'staff.signInList': 'none',
  // Whether the window is locked down; leaving it checks a manager's PIN itself.
  'kiosk.state': 'none',
  'kiosk.leave': 'none',
  // The driver QR needs nobody, and neither does keeping the display awake under it.
  'display.keepAwake': 'none',

  'networks.links': 'clerk',
  'networks.checkIns': 'clerk',
  'networks.dismissCheckIn': 'clerk',
  'store.profile': 'clerk',
  'counter.status': 'clerk',
  'delivery.handOver': 'clerk',
  'delivery.get': 'clerk',
  'delivery.scan': 'clerk',
  'delivery.refuseDamaged': 'clerk',
  'delivery.postpone': 'clerk',
  'delivery.complete': 'clerk',
  'delivery.suggest': 'clerk',
  'pickup.start': 'clerk',
  'pickup.get': 'clerk',
  'pickup.scan': 'clerk',
  'pickup.undoFinish': 'clerk',
  'pickup.resolve': 'clerk',
  'pickup.complete': 'clerk',
  'pickup.suggest': 'clerk',
  'expired.get': 'clerk',
  'expired.scan': 'clerk',
  'expired.cannotFind': 'clerk',
  'returns.list': 'clerk',
  'returns.handOver': 'clerk',
  'parcels.locate': 'clerk',
  'slots.list': 'clerk',
  'scanners.list': 'clerk',
  'scanners.available': 'clerk',
  'inventory.customers': 'clerk',
  'inventory.customer': 'clerk',
  'inventory.exportCsv': 'clerk',
  'inventory.sync': 'clerk',
  'hours.get': 'clerk',
  'hours.today': 'clerk',
  'support.config': 'clerk',
  'support.open': 'clerk',
  'support.list': 'clerk',
  'support.get': 'clerk',
  'support.reply': 'clerk',
  'support.edit': 'clerk',
  'support.close': 'clerk',
  'support.exportCsv': 'clerk',
  'support.attachment': 'clerk',
  // Diagnostics hold no secret (settings and tokens are left out): any clerk may send them with a case.
  'support.attachDiagnostics': 'clerk',
  // The version, and closing the notes of an update just installed.
  'updates.status': 'clerk',
  'updates.releaseNotesSeen': 'clerk',
  'custody.alert': 'clerk',
  // The service desk at the counter: customers, items, orders, allocation and the board.
  'service.home': 'clerk',
  'service.customers.search': 'clerk',
  'service.customers.save': 'clerk',
  'service.customers.items': 'clerk',
  'service.items.bySerial': 'clerk',
  'service.items.save': 'clerk',
  'service.groups.list': 'clerk',
  'service.calendar.get': 'clerk',
  'service.route.get': 'clerk',
  'service.technicians.list': 'clerk',
  'service.skills.list': 'clerk',
  'service.zones.list': 'clerk',
  'service.resourceGroups.list': 'clerk',
  'service.orders.promise': 'clerk',
  'service.orders.create': 'clerk',
  'service.orders.list': 'clerk',
  'service.orders.get': 'clerk',
  'service.lines.setStatus': 'clerk',
  'service.allocate': 'clerk',
  'service.allocations.cancel': 'clerk',
  'service.suggest': 'clerk',
  'service.board': 'clerk',
  'service.board.allocate': 'clerk',
  'service.day': 'clerk',
  'custody.receipt': 'clerk',

  'networks.configs': 'manager',
  'networks.save': 'manager',
  'networks.testConnection': 'manager',
  'store.saveProfile': 'manager',
  'slots.configure': 'manager',
  'pickups.liftCodeLock': 'manager',
  'scanners.add': 'manager',
  'scanners.remove': 'manager',
  'scanners.setPreferences': 'manager',
  'training.driverArrives': 'manager',
  'training.customerArrives': 'manager',
  'training.passDays': 'manager',
  'hours.save': 'manager',
  'hours.markReviewed': 'manager',
  'support.setOfficeHours': 'manager',
  'updates.setChannel': 'manager',
  'updates.restartNow': 'manager',
  'updates.later': 'manager',
  'updates.setOpenAtLogin': 'manager',
  'support.addCollaborator': 'manager',
  'support.removeCollaborator': 'manager',
  'staff.list': 'manager',
  'staff.add': 'manager',
  'staff.resetPin': 'manager',
  'staff.setRole': 'manager',
  'staff.setActive': 'manager',
  'staff.setIdleLock': 'manager',
  'custody.verify': 'manager',
  'custody.acknowledge': 'manager',
  'custody.exportCsv': 'manager',
  'backups.list': 'manager',
  'backups.create': 'manager',
  'backups.setFolder': 'manager',
  'backups.restore': 'manager',
  'kiosk.setEnabled': 'manager',
  'kiosk.setTouchScreen': 'manager',
  // Setting up the service desk: technicians and their absences, skills, zones, calendars, item groups, routes.
  'service.groups.save': 'manager',
  'service.calendar.save': 'manager',
  'service.route.save': 'manager',
  'service.technicians.save': 'manager',
  'service.technicians.addAbsence': 'manager',
  'service.technicians.removeAbsence': 'manager',
  'service.skills.save': 'manager',
  'service.skills.remove': 'manager',
  'service.zones.save': 'manager',
  'service.zones.remove': 'manager',
  'service.resourceGroups.save': 'manager',
};

export function roleOf(name: CallName): CallRole {
  return CALL_ROLES[name] ?? 'manager';
}

/** Calls the table does not name (they fall back to manager): the role-table test lists them. */
export function callsWithoutRole(table: Readonly<Partial<Record<CallName, CallRole>>> = CALL_ROLES): CallName[] {
  return CALL_NAMES.filter((name) => table[name] === undefined);
}

/**
 * Refuses a call whose role the signed-in person lacks, after locking a
 * session that sat idle too long. Until the first manager is set up there is
 * nobody to ask for: whoever is at the counter could become that manager, so
 * calls run as the built-in counter user (the screen shows the setup first).
 */
export function roleGuard(session: StaffSession): CallGuard {
  return (name) => {
    const needed = roleOf(name);
    if (needed === 'none' || session.beforeSetup()) return undefined;
    session.lockIfIdle();
    const person = session.current();
    if (!person) return { code: 'SIGN_IN_REQUIRED', message: `Sign in to use ${name}` };
    if (needed === 'manager' && person.role !== 'manager') return { code: 'FORBIDDEN', message: `${name} is for managers` };
    return undefined;
  };
}
