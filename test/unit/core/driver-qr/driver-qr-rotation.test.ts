import { afterEach, describe, expect, it } from 'vitest';
import type { CounterCore } from '../../../../main/core/counter-core';
import { driverQrRotation } from '../../../../main/core/driver-qr/driver-qr-deadlines';
import type { DriverQr } from '../../../../main/core/driver-qr/driver-qr-service';
import { openTestCore, TEST_START } from '../../../fixtures/core';
import { useTempDir } from '../../../fixtures/temp-dir';

const tempDir = useTempDir();
const opened: CounterCore[] = [];
afterEach(() => opened.splice(0).forEach((c) => c.close()));

describe('the driver QR on screen changes with the time step', () => {
  it('at the boundary of the fastest enabled network, with a new QR for every enabled network and none for a disabled one', async () => {
    const { core, clock } = openTestCore(tempDir());
    opened.push(core);
    // TEST_START is on a whole minute; demo-fr's network asks for a 20-second step, demo-it keeps 30.
    core.networks.applyNetworkPolicy('demo-fr', { driverQrStepSeconds: 20 });
    clock.set(TEST_START + 5_000);
    const shown: DriverQr[] = [];
    const rotation = driverQrRotation(core.driverQr, core.networks, clock, (qr) => shown.push(qr));
    // The name the scheduler logs a failing source under.
    expect(rotation.name).toBe('driver-qr-rotation');

    expect(rotation.nextAt(clock.now())).toBe(TEST_START + 20_000);
    clock.set(TEST_START + 20_000);
    await rotation.run(clock.now());
    expect(shown.map((qr) => [qr.networkId, qr.validFrom, qr.validUntil])).toEqual([
      ['demo-it', TEST_START, TEST_START + 30_000],
      ['demo-fr', TEST_START + 20_000, TEST_START + 40_000],
    ]);
    // The next change is demo-it's, at 30 s: not the one just shown, nor demo-fr's at 40 s.
    expect(rotation.nextAt(clock.now())).toBe(TEST_START + 30_000);

    const fr = core.networks.get('demo-fr');
    core.networks.update('demo-fr', { name: fr.name, baseUrl: fr.baseUrl, policyOverrides: fr.policyOverrides, enabled: false });
    shown.length = 0;
    clock.set(TEST_START + 30_000);
    await rotation.run(clock.now());
    expect(shown.map((qr) => qr.networkId)).toEqual(['demo-it']);
    expect(rotation.nextAt(clock.now())).toBe(TEST_START + 60_000);

    const demoIt = core.networks.get('demo-it');
    core.networks.update('demo-it', {
      name: demoIt.name,
      baseUrl: demoIt.baseUrl,
      policyOverrides: demoIt.policyOverrides,
      enabled: false,
    });
    expect(rotation.nextAt(clock.now())).toBeUndefined();
  });
});
