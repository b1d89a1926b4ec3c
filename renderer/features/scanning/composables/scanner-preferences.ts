import { ref } from 'vue';
import type { CallOutput } from '../../../../main/api/contract';
import { api } from '../../../api/api-client';

export type ScannerPreferences = CallOutput<'scanners.preferences'>;

/** The scan preferences main keeps; the feedback tone reads the volume from here. */
export const scannerPreferences = ref<ScannerPreferences>();

export async function loadScannerPreferences(): Promise<void> {
  scannerPreferences.value = await api.call('scanners.preferences');
}

export async function saveScannerPreferences(preferences: ScannerPreferences): Promise<void> {
  scannerPreferences.value = await api.call('scanners.setPreferences', { preferences });
}
