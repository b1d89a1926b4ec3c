import type { Network } from '../networks/network-repository';
import { classifyScan, scanNetworksOf, type ScanClassification } from '../scanning';
import type { ParcelRepository } from './parcel-repository';

/**
 * A scan as the counter reads it. The enabled networks' patterns judge codes
 * nobody announced; a code a network announced is that network's parcel
 * whatever its pattern or a format's check digit says, so an announced parcel
 * can always be received. A pickup barcode stays a pickup barcode.
 */
export function classifyCounterScan(
  code: string,
  networks: readonly Network[],
  parcels: Pick<ParcelRepository, 'byTrackingId'>,
  symbology?: string,
): ScanClassification {
  const enabled = networks.filter((n) => n.enabled);
  const result = classifyScan(code, scanNetworksOf(enabled), symbology ? { symbology } : {});
  if (result.kind === 'pickup') return result;
  const announced = parcels.byTrackingId(result.kind === 'parcel' ? result.trackingId : result.normalized);
  if (!announced || !enabled.some((n) => n.id === announced.network_id)) return result;
  // A known format (a UPS number, an SSCC) keeps how it was read and gains the network that announced it.
  if (result.kind === 'parcel') return { ...result, network: announced.network_id };
  const { normalized, warnings } = result;
  return {
    kind: 'parcel',
    trackingId: announced.tracking_id,
    network: announced.network_id,
    format: 'network',
    normalized,
    warnings,
    ...(result.symbology ? { symbology: result.symbology } : {}),
  };
}
