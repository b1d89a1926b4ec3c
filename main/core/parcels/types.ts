import type { ParcelSize } from './parcel-shapes';
import type { ParcelState } from './parcel-states';

/** How a custody action was entered: the log records it as proof. */
export type EntryMethod = 'scanner' | 'keyboard' | 'manual' | 'system';

/** Who did it and how: the signed-in person, or the built-in 'counter' user for work the app does on its own. */
export interface ActionContext {
  actorId: string;
  method: EntryMethod;
}

export { SYSTEM_ACTOR } from '../staff/staff-shapes';

export interface ParcelRow {
  id: number;
  network_id: string;
  tracking_id: string;
  recipient_name: string;
  size: ParcelSize;
  state: ParcelState;
  delivery_id: number | null;
  expiry_notice_id: number | null;
  slot_id: string | null;
  announced_at: number;
  received_at: number | null;
  expires_at: number | null;
  return_ready_at: number | null;
  state_changed_at: number;
  /** The network withdrew the parcel before it arrived (it is no longer expected). */
  recalled_at: number | null;
  /** What the network said when it recalled the parcel. */
  recall_reason: string | null;
}

export const PARCEL_COLUMNS =
  'id, network_id, tracking_id, recipient_name, size, state, delivery_id, expiry_notice_id, slot_id, announced_at, received_at, expires_at, return_ready_at, state_changed_at, recalled_at, recall_reason';
