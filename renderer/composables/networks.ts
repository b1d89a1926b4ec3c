import { onMounted, ref } from 'vue';
import type { NetworkSummary } from '../../main/api/schemas';
import { counter } from '../api/counter';

const networks = ref<NetworkSummary[]>([]);
let loading: Promise<void> | undefined;

/** The networks main knows, loaded once and shared. */
export function useNetworks() {
  onMounted(() => {
    loading ??= counter.call('networks.list').then((list) => {
      networks.value = list;
    });
  });
  return networks;
}

/** A network's display name from its id (the id itself until the list is loaded). */
export function useNetworkNames(): (id: string) => string {
  const list = useNetworks();
  return (id) => list.value.find((n) => n.id === id)?.name ?? id;
}
