import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { DriverQrView, NetworkSummary } from '../../../../main/api/schemas';
import { counter } from '../../../api/counter';

/** The networks a driver may come from, and the QR of the one on screen, kept current by main's pushes. */
export const useDriverQrStore = defineStore('driverQr', () => {
  const networks = ref<NetworkSummary[]>([]);
  const qr = ref<DriverQrView>();
  const error = ref<string>();
  let shownNetworkId: string | undefined;

  counter.on('driverQr.rotated', (next) => {
    if (next.networkId === shownNetworkId) qr.value = next;
  });

  async function loadNetworks(): Promise<void> {
    networks.value = (await counter.call('networks.list')).filter((n) => n.enabled);
  }

  async function show(networkId: string): Promise<void> {
    shownNetworkId = networkId;
    error.value = undefined;
    try {
      qr.value = await counter.call('driverQr.show', { networkId });
    } catch (e) {
      qr.value = undefined;
      error.value = e instanceof Error ? e.message : String(e);
    }
  }

  function hide(): void {
    shownNetworkId = undefined;
    qr.value = undefined;
  }

  return { networks, qr, error, loadNetworks, show, hide };
});
