import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { CoreError } from '../errors';
import { checkOpeningHours, localDay } from '../hours/opening-hours';
import type { SettingsRepository } from '../settings';
import { ServiceAllocations, type Allocation } from './allocations';
import { buildBoard, buildBoardChange, type Board, type BoardChange } from './board';
import { ServiceCatalog } from './catalog';
import { ServiceCustomers, type Customer } from './customers';
import { ServiceHistory, type HistoryEntry } from './history';
import { ServiceItems, type ServiceItem } from './items';
import { ServiceOrderQueries, type OrderSummary } from './order-queries';
import { ServiceOrders, type LineRow, type OrderRecord } from './orders';
import type { OrderStatus } from './order-states';
import { responseDate } from './service-calendar';
import type { AllocationInput, ServiceCalendar } from './service-shapes';
import { DEFAULT_RESPONSE_HOURS, ServiceSettings } from './service-settings';
import { suggestTechnicians, type Suggestion } from './suggest';
import { technicianDay, type TechnicianDay } from './technician-day';
import { ServiceTechnicians } from './technicians';

export interface OrderDetail {
  order: OrderRecord;
  customer: Customer;
  overdue: boolean;
  lines: (LineRow & { item: ServiceItem; allocations: (Allocation & { technicianName: string | null })[] })[];
  history: HistoryEntry[];
}

export interface ServiceHome {
  today: string;
  counts: Record<OrderStatus, number>;
  /** Open orders due today or already overdue, earliest first. */
  due: OrderSummary[];
  unallocatedLines: number;
}

/** The service desk, wired to one database and clock: customers, items, orders, technicians, allocations and planning. */
export class ServiceDesk {
  readonly customers: ServiceCustomers;
  readonly items: ServiceItems;
  readonly technicians: ServiceTechnicians;
  readonly history: ServiceHistory;
  readonly allocations: ServiceAllocations;
  readonly orders: ServiceOrders;
  readonly queries: ServiceOrderQueries;
  readonly settings: ServiceSettings;
  readonly catalog: ServiceCatalog;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    settings: SettingsRepository,
    /** The shop's time zone: response dates and "today" are counted in it. */
    private readonly timeZoneOf: () => string,
  ) {
    this.catalog = new ServiceCatalog(db);
    this.customers = new ServiceCustomers(db, clock, this.catalog);
    this.items = new ServiceItems(db, clock, this.catalog);
    this.technicians = new ServiceTechnicians(db, clock, this.catalog);
    this.history = new ServiceHistory(db, clock);
    this.allocations = new ServiceAllocations(db, clock, this.history, this.items, this.technicians);
    this.settings = new ServiceSettings(settings);
    this.queries = new ServiceOrderQueries(db);
    this.orders = new ServiceOrders(db, clock, this.customers, this.items, this.allocations, this.history, (groupCode, from) => {
      const hours = (groupCode ? this.items.group(groupCode)?.responseHours : undefined) ?? DEFAULT_RESPONSE_HOURS;
      return responseDate(from, hours, this.settings.effectiveCalendar(), this.timeZoneOf());
    });
  }

  today(): string {
    return localDay(this.clock.now(), this.timeZoneOf()).date;
  }

  saveCalendar(calendar: ServiceCalendar | null): ServiceCalendar | null {
    if (calendar) {
      // The cap on planned closures is the carriers' store feed's; the service calendar is not sent to them.
      const issues = checkOpeningHours(calendar, '0000-00-00').filter((i) => i.rule !== 'tooManyExceptions');
      if (issues.length > 0)
        throw new CoreError('BAD_INPUT', 'The service hours overlap or close before they open', {
          issues: issues.map((i) => ({ field: i.field, reason: i.rule })),
        });
    }
    this.settings.saveCalendar(calendar);
    return this.settings.calendar();
  }

  detail(orderId: number): OrderDetail {
    const order = this.orders.get(orderId);
    const names = new Map(this.technicians.list().map((t) => [t.id, t.name]));
    return {
      order,
      customer: this.customers.get(order.customerId),
      overdue: order.status !== 'finished' && order.responseAt !== null && order.responseAt < this.clock.now(),
      lines: this.orders.lines(orderId).map((line) => ({
        ...line,
        item: this.items.get(line.itemId),
        allocations: this.allocations
          .forLine(line.id)
          .map((a) => ({ ...a, technicianName: a.technicianId === null ? null : (names.get(a.technicianId) ?? null) })),
      })),
      history: this.history.forOrder(orderId),
    };
  }

  home(): ServiceHome {
    const now = this.clock.now();
    const today = this.today();
    const open = this.queries.list({ status: 'open', search: '', overdueOnly: false }, now);
    const tz = this.timeZoneOf();
    return {
      today,
      counts: this.queries.countsByStatus(now - 24 * 3600_000),
      due: open.filter((o) => o.responseAt !== null && (o.overdue || localDay(o.responseAt, tz).date === today)),
      unallocatedLines: this.queries.unallocatedLines(),
    };
  }

  board(weekStart: string, days = 7): Board {
    return buildBoard(this.db, this.technicians, weekStart, days);
  }

  /**
   * Allocates as `allocations.allocate` does (committed first), then answers with what that changed on the week's
   * board: the board patches those rows and the line instead of reading the whole week again.
   */
  allocateOnBoard(input: AllocationInput, weekStart: string, actor: string): { allocation: Allocation; board: BoardChange } {
    const before = this.allocations.current(input.lineId)?.technicianId ?? null;
    const allocation = this.allocations.allocate(input, actor);
    const technicianIds = [before, allocation.technicianId].filter((id): id is number => id !== null);
    return { allocation, board: buildBoardChange(this.db, this.technicians, weekStart, { technicianIds, lineId: input.lineId }) };
  }

  day(technicianId: number, date: string): TechnicianDay {
    return technicianDay(this.db, this.technicians, this.allocations, this.settings.route(), technicianId, date);
  }

  suggest(lineId: number): Suggestion[] {
    const line = this.orders.line(lineId);
    const order = this.orders.get(line.orderId);
    const date = line.responseAt !== null ? localDay(line.responseAt, this.timeZoneOf()).date : this.today();
    return suggestTechnicians(
      this.db,
      this.technicians,
      this.items,
      this.allocations,
      line,
      this.customers.get(order.customerId).zone,
      date,
      this.settings.route().roadFactor,
    );
  }
}
