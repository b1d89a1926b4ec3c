/** Scan classification and de-duplication (issue 4). Pure functions: core feeds in networks and times. */
export {
  classifyScan,
  type ClassifyOptions,
  type ParcelScan,
  type PickupScan,
  type ScanClassification,
  type ScanKind,
  type ShipTo,
  type TrackingFormat,
  type UnknownScan,
  type UnknownScanReason,
} from './classify';
export {
  scanNetworksOf,
  compileTrackingPattern,
  trackingPatternProblem,
  type TrackingPatternProblem,
  matchNetwork,
  type NetworkMatch,
  type ScanNetwork,
  type ScanWarning,
} from './network-patterns';
export {
  gs1Mod10CheckDigit,
  hasValidGs1Mod10,
  hasValidLuhn,
  isValidUps1z,
  isValidUpuS10,
  passesCheckDigit,
  upsCheckDigit,
  upuS10CheckDigit,
  type CheckDigitScheme,
} from './check-digits';
export { stripAimIdentifier, type AimIdentifier } from './aim';
export {
  DEFAULT_GROUP_SEPARATOR_ALIASES,
  DEFAULT_MAX_SCAN_LENGTH,
  GS,
  normalizeScan,
  visibleText,
  type NormalizedScan,
  type NormalizeFailure,
  type NormalizeOptions,
} from './normalize';
export { gs1Value, parseGs1, type Gs1Element, type Gs1ErrorCode, type Gs1ParseResult } from './gs1';
export {
  formatPickupBarcode,
  parsePickupBarcode,
  PICKUP_BARCODE_PREFIX,
  PICKUP_CODE_LENGTH,
  PICKUP_CODE_PATTERN,
  type PickupBarcodeParse,
} from './pickup';
export { DUPLICATE_SCAN_WINDOW_MS, isDuplicateScan, ScanDeduper, type LastAcceptedScan, type DedupeScan } from './dedupe';
