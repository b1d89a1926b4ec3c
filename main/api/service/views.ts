/** What the renderer may import of the service desk's rules: the status lists and the drop preview (main checks every drop again). */
export { ORDER_STATUSES, REPAIR_STATUSES } from '../../core/service/order-status';
export { dropVerdict, type DropVerdict } from '../../core/service/drop-verdict';
