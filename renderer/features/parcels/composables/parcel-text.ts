import { useI18n } from 'vue-i18n';
import type { ParcelView, RejectionView } from '../../../../main/api/parcels/schemas';

/** Words for parcel states, sizes and refusals, shared by every workflow screen. */
export function useParcelText() {
  const { t, d } = useI18n();
  return {
    size: (size: ParcelView['size']) => t(`sizes.${size}`),
    state: (state: ParcelView['state']) => t(`states.${state}`),
    recipient: (parcel: ParcelView) => parcel.recipientName || t('parcel.unknownRecipient'),
    slot: (parcel: ParcelView) => (parcel.slotId ? t('parcel.slot', { slot: parcel.slotId }) : t('parcel.noSlot')),
    rejection: (r: RejectionView) =>
      r.reason === 'wrong-state' && r.state && r.since !== undefined
        ? t(`rejections.wrongState.${r.state}`, { tracking: r.trackingId, date: d(new Date(r.since), 'long') })
        : t(`rejections.${r.reason}`, { tracking: r.trackingId, note: r.note ?? '' }),
  };
}
