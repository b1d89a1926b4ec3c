import { describe, expect, it } from 'vitest';
import { demoParcel } from '../../../../main/core/networks/demo-network';
import type { Network } from '../../../../main/core/networks/network-repository';
import { classifyCounterScan } from '../../../../main/core/parcels/counter-scan';
import { useCounter } from '../../../fixtures/counter';
import { announced, scriptedNetwork } from '../../../fixtures/manifest-network';

const { start } = useCounter();

/** No demo network's pattern matches it: only the announcement makes it a parcel. */
const OFF_PATTERN = 'ZZ1234AB';

async function withOffPatternParcel() {
  const { core } = await start();
  await core.counter.pullManifest('demo-fr', scriptedNetwork([{ items: [announced(OFF_PATTERN)], cursor: 'announced' }]));
  const networks = core.networks.list();
  const disabling = (id: string): Network[] => networks.map((n) => (n.id === id ? { ...n, enabled: false } : n));
  return { core, networks, disabling };
}

describe('a scan at the counter', () => {
  it('is the announcing network’s parcel even when no pattern matches it', async () => {
    const { core, networks } = await withOffPatternParcel();
    expect(classifyCounterScan(OFF_PATTERN.toLowerCase(), networks, core.counter.parcels)).toEqual({
      kind: 'parcel',
      trackingId: OFF_PATTERN,
      network: 'demo-fr',
      format: 'network',
      normalized: OFF_PATTERN,
      warnings: [],
    });
  });

  it('keeps the symbology the scanner reported, for a pattern match and for an announced code', async () => {
    const { core, networks } = await withOffPatternParcel();
    expect(classifyCounterScan(OFF_PATTERN, networks, core.counter.parcels, ']C0')).toMatchObject({ kind: 'parcel', symbology: ']C0' });
    const byPattern = demoParcel('demo-it', 0).trackingId;
    expect(classifyCounterScan(byPattern, networks, core.counter.parcels, ']C0')).toMatchObject({
      kind: 'parcel',
      network: 'demo-it',
      symbology: ']C0',
    });
    expect(classifyCounterScan(OFF_PATTERN, networks, core.counter.parcels)).not.toHaveProperty('symbology');
  });

  it('does not take a code nobody announced, nor one announced by a network that is switched off', async () => {
    const { core, networks, disabling } = await withOffPatternParcel();
    expect(classifyCounterScan('ZZ9999AB', networks, core.counter.parcels)).toMatchObject({ kind: 'unknown', reason: 'no-match' });
    expect(classifyCounterScan(OFF_PATTERN, disabling('demo-fr'), core.counter.parcels)).toMatchObject({
      kind: 'unknown',
      reason: 'no-match',
    });
    // Another network switched off does not matter.
    expect(classifyCounterScan(OFF_PATTERN, disabling('demo-it'), core.counter.parcels)).toMatchObject({
      kind: 'parcel',
      network: 'demo-fr',
    });
  });

  it('does not read a code by the pattern of a network that is switched off', async () => {
    const { core, disabling } = await withOffPatternParcel();
    const itParcel = demoParcel('demo-it', 0).trackingId;
    expect(classifyCounterScan(itParcel, disabling('demo-it'), core.counter.parcels)).toMatchObject({
      kind: 'unknown',
      reason: 'no-match',
    });
  });

  it('is the announcing network’s parcel even when the check digit of a known format says the code is wrong', async () => {
    // A UPS number whose last digit fails the 1Z check: read cold it is a misread, but the network announced it.
    const announcedWrongly = '1Z999AA10123456785';
    const { core } = await start();
    const networks = core.networks.list();
    expect(classifyCounterScan(announcedWrongly, networks, core.counter.parcels)).toMatchObject({
      kind: 'unknown',
      reason: 'bad-check-digit',
    });
    await core.counter.pullManifest('demo-fr', scriptedNetwork([{ items: [announced(announcedWrongly)], cursor: 'announced' }]));
    expect(classifyCounterScan(announcedWrongly, networks, core.counter.parcels)).toMatchObject({
      kind: 'parcel',
      trackingId: announcedWrongly,
      network: 'demo-fr',
    });
  });

  it('reads an announced UPS number as a UPS number, of the network that announced it', async () => {
    const ups = '1Z999AA10123456784';
    const { core } = await start();
    const networks = core.networks.list();
    expect(classifyCounterScan(ups, networks, core.counter.parcels)).not.toHaveProperty('network');
    await core.counter.pullManifest('demo-fr', scriptedNetwork([{ items: [announced(ups)], cursor: 'announced' }]));
    expect(classifyCounterScan(ups, networks, core.counter.parcels)).toEqual({
      kind: 'parcel',
      trackingId: ups,
      network: 'demo-fr',
      format: 'ups-1z',
      normalized: ups,
      warnings: [],
    });
  });

  it('reads an announced SSCC in its GS1 label as an SSCC, of the network that announced it', async () => {
    const sscc = '340123451234567895';
    const { core } = await start();
    await core.counter.pullManifest('demo-it', scriptedNetwork([{ items: [announced(sscc)], cursor: 'announced' }]));
    expect(classifyCounterScan(`(00)${sscc}`, core.networks.list(), core.counter.parcels)).toMatchObject({
      kind: 'parcel',
      trackingId: sscc,
      network: 'demo-it',
      format: 'sscc',
      normalized: `(00)${sscc}`,
    });
  });

  it('gives a code to the network that announced it, even when another network’s pattern matches it', async () => {
    const itPattern = demoParcel('demo-it', 7).trackingId;
    const { core } = await start();
    await core.counter.pullManifest('demo-fr', scriptedNetwork([{ items: [announced(itPattern)], cursor: 'announced' }]));
    expect(classifyCounterScan(itPattern, core.networks.list(), core.counter.parcels)).toMatchObject({
      kind: 'parcel',
      network: 'demo-fr',
    });
  });

  it('keeps a pickup barcode a pickup barcode, even when a network announced the same characters as a tracking ID', async () => {
    const { core } = await start();
    await core.counter.pullManifest('demo-fr', scriptedNetwork([{ items: [announced('PU:DEMO-FR:482913')], cursor: 'announced' }]));
    expect(core.counter.parcels.byTrackingId('PU:DEMO-FR:482913')).toBeDefined();
    expect(classifyCounterScan('PU:demo-fr:482913', core.networks.list(), core.counter.parcels)).toMatchObject({
      kind: 'pickup',
      code: '482913',
      network: 'demo-fr',
    });
  });
});
