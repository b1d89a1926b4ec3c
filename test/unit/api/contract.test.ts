import { describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../../main/api/contract';
import { driverQrCalls } from '../../../main/api/driver-qr/calls';
import { hoursCalls } from '../../../main/api/hours/calls';
import { inventoryCalls } from '../../../main/api/inventory/calls';
import { networkCalls } from '../../../main/api/networks/calls';
import { parcelCalls } from '../../../main/api/parcels/calls';
import { scanningCalls } from '../../../main/api/scanning/calls';
import { serviceCalls } from '../../../main/api/service/calls';
import { updatesCalls } from '../../../main/api/updates/calls';
import { storeCalls } from '../../../main/api/store/calls';
import { supportCalls } from '../../../main/api/support/calls';
import { systemCalls } from '../../../main/api/system/calls';
import { staffCalls } from '../../../main/api/staff/calls';
import { custodyCalls } from '../../../main/api/custody/calls';
import { backupCalls } from '../../../main/api/backup/calls';
import { kioskCalls } from '../../../main/api/kiosk/calls';

describe('the contract', () => {
  it("merges the features' calls without one hiding another of the same name", () => {
    const features = [
      systemCalls,
      networkCalls,
      storeCalls,
      driverQrCalls,
      parcelCalls,
      scanningCalls,
      inventoryCalls,
      hoursCalls,
      supportCalls,
      serviceCalls,
      updatesCalls,
      staffCalls,
      custodyCalls,
      backupCalls,
      kioskCalls,
    ];
    const names = features.flatMap((calls) => Object.keys(calls));
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual([...CALL_NAMES].sort());
  });
});
