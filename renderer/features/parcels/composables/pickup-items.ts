import { useI18n } from 'vue-i18n';
import type { PickupView } from '../../../../main/api/parcels/schemas';
import { useParcelText } from './parcel-text';

/** One parcel of a pickup with the status main gave it. */
export type PickupItem = PickupView['items'][number];

/** Ticked in the list: scanned in this pickup (and handed over once it is done). */
export const isTicked = (item: PickupItem): boolean => item.status === 'scanned' || item.status === 'handed-over';

/** The words for an item's status; a resolved one says what it was resolved as (its state). */
export function usePickupItemText() {
  const { t } = useI18n();
  const text = useParcelText();
  return (item: PickupItem): string => {
    switch (item.status) {
      case 'handed-over':
        return text.state('picked_up');
      case 'scanned':
        return t('pickup.scanned');
      case 'resolved':
        return text.state(item.parcel.state);
      default:
        return t('pickup.toScan');
    }
  };
}
