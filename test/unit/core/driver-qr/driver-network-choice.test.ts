import { describe, expect, it } from 'vitest';
import { suggestDriverNetwork } from '../../../../main/core/driver-qr/driver-network-choice';
import { MINUTE, scanner, useCounter } from '../../../fixtures/counter';

const { start } = useCounter();

describe('the network the driver QR screen opens on', () => {
  it('is the network whose driver checked in, before the usual one at this time of day', async () => {
    const { core, clock } = await start();
    const sources = { checkIns: core.checkIns, deliveries: core.counter.deliveries, networks: core.networks };
    expect(suggestDriverNetwork(clock.now(), sources)).toBeNull();

    const usual = core.counter.deliveries.handOver('demo-it', scanner, []);
    core.counter.deliveries.complete(usual.id);
    clock.advance(24 * 60 * MINUTE);
    expect(suggestDriverNetwork(clock.now(), sources)).toBe('demo-it');

    core.checkIns.record('demo-fr', [{ id: 'c-1', at: clock.now() }], 'cursor-1');
    expect(suggestDriverNetwork(clock.now(), sources)).toBe('demo-fr');
    // Dismissed (or older than 30 minutes): back to the usual one.
    core.checkIns.dismiss(core.checkIns.current()[0]!.id);
    expect(suggestDriverNetwork(clock.now(), sources)).toBe('demo-it');

    // A disabled network is never suggested, whether its driver checked in or usually comes now.
    core.checkIns.record('demo-fr', [{ id: 'c-2', at: clock.now() }], 'cursor-2');
    for (const id of ['demo-fr', 'demo-it']) {
      const n = core.networks.get(id);
      core.networks.update(id, { name: n.name, baseUrl: n.baseUrl, policyOverrides: n.policyOverrides, enabled: false });
    }
    expect(suggestDriverNetwork(clock.now(), sources)).toBeNull();
  });
});
