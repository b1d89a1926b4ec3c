import type { CallName } from '../../../../main/api/contract';
import { customer, item, itemGroup, technician } from '../../../fixtures/service-seed';

const week = [[{ opens: '08:00', closes: '17:00' }], [], [], [], [], [], []];

/** A well-formed input for each service desk call, for the router's contract test. */
export const serviceValidInputs: Partial<Record<CallName, unknown>> = {
  'service.home': undefined,
  'service.customers.search': { text: 'Ros' },
  'service.customers.save': customer('Maria Rossi', { email: 'maria@example.com' }),
  'service.customers.items': { customerId: 1 },
  'service.items.bySerial': { serial: 'SN-1' },
  // Every optional value set, so each is also sent with a wrong type.
  'service.items.save': item(1, 'Wall boiler', {
    model: 'B-24',
    serial: 'SN-1',
    warrantyEnds: '2027-01-31',
    troubleshooting: ['Check the pressure'],
    latitude: 45.46,
    longitude: 9.19,
  }),
  'service.groups.list': undefined,
  // Skills and zones must be in the desk's lists, which a fresh database does not have yet.
  'service.groups.save': itemGroup('HEAT', { name: 'Heating', troubleshooting: ['Check the pressure'] }),
  'service.calendar.get': undefined,
  'service.calendar.save': { calendar: { week, exceptions: [] } },
  'service.route.get': undefined,
  'service.route.save': { roadFactor: 1.3, speedKmh: 40 },
  'service.technicians.list': undefined,
  'service.technicians.save': technician('Anna', { week }),
  'service.technicians.addAbsence': { technicianId: 1, date: '2026-12-01', hours: 4, reason: 'Dentist' },
  'service.technicians.removeAbsence': { technicianId: 1, absenceId: 1 },
  'service.skills.list': undefined,
  'service.skills.save': { code: 'gas', name: 'Gas appliances' },
  'service.skills.remove': { code: 'gas' },
  'service.zones.list': undefined,
  'service.zones.save': { code: 'NORD', name: 'North' },
  'service.zones.remove': { code: 'NORD' },
  'service.resourceGroups.list': undefined,
  'service.resourceGroups.save': { code: 'TEAM', name: 'Heating team' },
  'service.orders.promise': { groupCodes: ['HEAT', null] },
  'service.orders.create': {
    customerId: 1,
    fault: 'No hot water',
    priority: 'high',
    windows: [{ from: '09:00', to: '12:00' }],
    lines: [{ itemId: 1, fault: 'No hot water', estimatedHours: 2 }],
  },
  'service.orders.list': { filter: { status: 'open', search: 'Rossi', overdueOnly: false } },
  'service.orders.get': { orderId: 1 },
  'service.lines.setStatus': { lineId: 1, status: 'finished' },
  'service.allocate': { lineId: 1, technicianId: 1, date: '2026-12-01', hours: 2, reason: 'Moved' },
  'service.allocations.cancel': { allocationId: 1, reason: 'Customer away' },
  'service.suggest': { lineId: 1 },
  'service.board': { weekStart: '2026-11-30' },
  'service.board.allocate': { lineId: 1, technicianId: 1, date: '2026-12-01', hours: 2, weekStart: '2026-11-30' },
  'service.day': { technicianId: 1, date: '2026-12-01' },
};
