import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { NetworkLink } from '../../../../main/api/networks/schemas';
import { api } from '../../../api/api-client';

/**
 * Online or offline per enabled network, as main reports it: read once,
 * then replaced by every `networks.links` push (a network answered, failed,
 * or its waiting events changed).
 */
export const useNetworkLinksStore = defineStore('networkLinks', () => {
  const links = ref<NetworkLink[]>([]);
  /** A push that arrived while the first read was on its way is newer than that read. */
  let pushed = false;

  api.on('networks.links', (next) => {
    pushed = true;
    links.value = next;
  });

  async function load(): Promise<void> {
    try {
      const read = await api.call('networks.links');
      if (!pushed) links.value = read;
    } catch {
      // While the counter is blocked main refuses this read; the next push brings the links.
    }
  }

  return { links, load };
});
