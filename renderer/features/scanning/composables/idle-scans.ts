import { useI18n } from 'vue-i18n';
import { useRouter } from 'vue-router';
import { api } from '../../../api/api-client';
import { giveFeedback } from '../../../ui/feedback';
import { groupTrackingId } from '../../../ui/format';
import { setIdleScanHandler } from './scans';

/**
 * A scan with no workflow on screen: a customer's pickup barcode opens the
 * pickup; a parcel label says where the parcel is and in what state.
 */
export function useIdleScans(): void {
  const { t } = useI18n();
  const router = useRouter();
  setIdleScanHandler(async (scan) => {
    const c = scan.classification;
    if (c.kind === 'pickup') {
      await router.push({ name: 'pickup', query: { code: c.pickupCode, ...(c.networkId ? { network: c.networkId } : {}) } });
      return;
    }
    if (c.kind === 'unknown') {
      giveFeedback('error', () => t('idleScan.unknown', { code: scan.code }));
      return;
    }
    const { parcel } = await api.call('parcels.locate', { trackingId: c.trackingId });
    if (!parcel) {
      giveFeedback('warning', () => t('idleScan.notHere', { tracking: groupTrackingId(c.trackingId) }));
      return;
    }
    giveFeedback(
      'success',
      t('idleScan.found', {
        tracking: groupTrackingId(parcel.trackingId),
        state: t(`states.${parcel.state}`),
        slot: parcel.slotId ?? '—',
      }),
    );
  });
}
