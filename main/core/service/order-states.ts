/** The repair status of one order line. */
export const REPAIR_STATUSES = ['initial', 'in_process', 'partly_serviced', 'referred', 'on_hold', 'finished'] as const;
export type RepairStatus = (typeof REPAIR_STATUSES)[number];

export const ORDER_STATUSES = ['pending', 'in_process', 'on_hold', 'finished'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The order status each repair status stands for. */
export const ORDER_STATUS_OF: Record<RepairStatus, OrderStatus> = {
  initial: 'pending',
  in_process: 'in_process',
  partly_serviced: 'pending',
  referred: 'pending',
  on_hold: 'on_hold',
  finished: 'finished',
};

/** The line whose status ranks highest decides the order's status: work going on outranks waiting, waiting outranks done. */
export const ORDER_STATUS_PRIORITY: readonly OrderStatus[] = ['in_process', 'pending', 'on_hold', 'finished'];

/** The order's status from its lines' repair statuses; an order without lines is pending. */
export function deriveOrderStatus(lines: readonly RepairStatus[]): OrderStatus {
  if (lines.length === 0) return 'pending';
  const present = new Set(lines.map((status) => ORDER_STATUS_OF[status]));
  return ORDER_STATUS_PRIORITY.find((status) => present.has(status))!;
}
