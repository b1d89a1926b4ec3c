import type { CounterCore } from '../../core/counter-core';
import { actingStaffId } from '../../core/staff/acting-staff';
import type { Handlers } from '../router';

type ServiceCallName = Extract<keyof Handlers, `service.${string}`>;

/** The service desk's calls, bound to core. Orders, line statuses and allocations name the signed-in person the router runs the call as. */
export function serviceHandlers(core: CounterCore, actor: () => string = actingStaffId): Pick<Handlers, ServiceCallName> {
  const s = core.service;
  return {
    'service.home': () => s.home(),
    'service.customers.search': ({ text }) => s.customers.search(text),
    'service.customers.save': (input) => s.customers.save(input),
    'service.customers.items': ({ customerId }) => s.items.forCustomer(customerId),
    'service.items.bySerial': ({ serial }) =>
      s.items.bySerial(serial).map((item) => ({ ...item, customer: s.customers.get(item.customerId) })),
    'service.items.save': (input) => s.items.save(input),
    'service.groups.list': () => s.items.groups(),
    'service.groups.save': (input) => s.items.saveGroup(input),
    'service.calendar.get': () => s.settings.calendar(),
    'service.calendar.save': ({ calendar }) => s.saveCalendar(calendar),
    'service.route.get': () => s.settings.route(),
    'service.route.save': (input) => s.settings.saveRoute(input),
    'service.technicians.list': () => s.technicians.list(),
    'service.technicians.save': (input) => s.technicians.save(input),
    'service.technicians.addAbsence': (input) => s.technicians.addAbsence(input),
    'service.technicians.removeAbsence': ({ technicianId, absenceId }) => s.technicians.removeAbsence(technicianId, absenceId),
    'service.skills.list': () => s.catalog.list('skill'),
    'service.skills.save': (input) => s.catalog.save('skill', input),
    'service.skills.remove': ({ code }) => (s.catalog.remove('skill', code), s.catalog.list('skill')),
    'service.zones.list': () => s.catalog.list('zone'),
    'service.zones.save': (input) => s.catalog.save('zone', input),
    'service.zones.remove': ({ code }) => (s.catalog.remove('zone', code), s.catalog.list('zone')),
    'service.resourceGroups.list': () => s.technicians.groups(),
    'service.resourceGroups.save': (input) => s.technicians.saveGroup(input),
    'service.orders.promise': ({ groupCodes }) => ({ responseAt: s.orders.promise(groupCodes) }),
    'service.orders.create': (input) => s.detail(s.orders.create(input, actor()).id),
    'service.orders.list': ({ filter }) => s.queries.list(filter, core.clock.now()),
    'service.orders.get': ({ orderId }) => s.detail(orderId),
    'service.lines.setStatus': ({ lineId, status }) => s.detail(s.orders.setLineStatus(lineId, status, actor()).id),
    'service.allocate': (input) => s.allocations.allocate(input, actor()),
    'service.allocations.cancel': ({ allocationId, reason }) => s.allocations.cancel(allocationId, reason, actor()),
    'service.suggest': ({ lineId }) => s.suggest(lineId),
    'service.board': ({ weekStart }) => s.board(weekStart),
    'service.board.allocate': ({ weekStart, ...input }) => s.allocateOnBoard(input, weekStart, actor()),
    'service.day': ({ technicianId, date }) => s.day(technicianId, date),
  };
}
