import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { DriverQrView, NetworkSummary } from '../../../../main/api/schemas';
import { api } from '../../../api/api-client';

/** The networks a driver may come from, and the QR of the one on screen, kept current by main's pushes. */
export const useDriverQrStore = defineStore('driverQr', () => {
  const networks = ref<NetworkSummary[]>([]);
  const qr = ref<DriverQrView>();
  /** Main's refusal, translated where it is shown. */
  const error = ref<unknown>();
  let shownNetworkId: string | undefined;

  api.on('driverQr.rotated', (next) => {
    if (next.networkId === shownNetworkId) qr.value = next;
  });

  async function loadNetworks(): Promise<void> {
    networks.value = (await api.call('networks.list')).filter((n) => n.enabled);
  }

  async function show(networkId: string): Promise<void> {
    shownNetworkId = networkId;
    error.value = undefined;
    try {
      qr.value = await api.call('driverQr.show', { networkId });
    } catch (e) {
      qr.value = undefined;
      error.value = e;
    }
  }

  function hide(): void {
    shownNetworkId = undefined;
    qr.value = undefined;
  }

  return { networks, qr, error, loadNetworks, show, hide };
});
