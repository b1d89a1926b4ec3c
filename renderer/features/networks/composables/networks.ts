import { onMounted, ref } from 'vue';
import type { NetworkSummary } from '../../../../main/api/schemas';
import { api } from '../../../api/api-client';

const networks = ref<NetworkSummary[]>([]);
let loading: Promise<void> | undefined;

/** The networks main knows, loaded once and shared. */
export function useNetworks() {
  onMounted(() => {
    loading ??= refreshNetworks();
  });
  return networks;
}

/** Reads the list again, after the staff added, renamed or disabled a network in settings. */
export async function refreshNetworks(): Promise<void> {
  networks.value = await api.call('networks.list');
}

/** A network's display name from its id (the id itself until the list is loaded). */
export function useNetworkNames(): (id: string) => string {
  const list = useNetworks();
  return (id) => list.value.find((n) => n.id === id)?.name ?? id;
}
