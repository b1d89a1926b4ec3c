import { createHmac, hkdfSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../../../main/core/clock';
import type { CounterCore } from '../../../../main/core/counter-core';
import { deriveKey, encodeDriverToken, parseDriverToken, signatureMatches } from '../../../../main/core/driver-qr/driver-token';
import { openTestCore, TEST_START } from '../../../fixtures/core';
import { useTempDir } from '../../../fixtures/temp-dir';

const tempDir = useTempDir();
const opened: CounterCore[] = [];
afterEach(() => opened.splice(0).forEach((c) => c.close()));

/**
 * Two stores on real files, opened once for the file: showing and checking a
 * token writes nothing, and opening a core (every migration) cost a second
 * or more per test, which mutation testing pays once per mutant.
 */
const stores: { core: CounterCore; clock: ManualClock; dir: string }[] = [];
beforeAll(() => {
  for (let i = 0; i < 2; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'opencounter-test-'));
    stores.push({ ...openTestCore(dir), dir });
  }
});
afterAll(() => {
  for (const { core, dir } of stores.splice(0)) {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
beforeEach(() => stores.forEach(({ clock }) => clock.set(TEST_START)));

function setup(which: 0 | 1 = 0) {
  const { core, clock } = stores[which]!;
  return { core, clock };
}

/** The payload the QR of that step carries (the e2e test decodes it from a real screenshot instead). */
function payloadFor(core: CounterCore, networkId: string, step: number): string {
  return encodeDriverToken({ storeId: core.storeId, networkId, step }, deriveKey(core.networks.secretOf(networkId), 'driver-qr-mac'));
}

describe('driver token verification', () => {
  it('accepts the current step and one step of skew either side', async () => {
    const { core, clock } = setup();
    const qr = await core.driverQr.current('demo-it');
    const payload = payloadFor(core, 'demo-it', qr.step);
    expect(core.driverQr.verifyDriverToken(payload, clock.now())).toEqual({
      valid: true,
      claims: { storeId: core.storeId, networkId: 'demo-it', step: qr.step },
    });
    expect(core.driverQr.verifyDriverToken(payload, clock.now() + 30_000).valid).toBe(true);
    expect(core.driverQr.verifyDriverToken(payload, clock.now() - 30_000).valid).toBe(true);
  });

  it('rejects a token older than the skew allows, so a photo of the QR cannot be replayed', async () => {
    const { core, clock } = setup();
    const qr = await core.driverQr.current('demo-it');
    const payload = payloadFor(core, 'demo-it', qr.step);
    clock.advance(2 * 30_000);
    expect(core.driverQr.verifyDriverToken(payload, clock.now())).toEqual({ valid: false, reason: 'expired' });
    expect(core.driverQr.verifyDriverToken(payloadFor(core, 'demo-it', qr.step + 5), qr.validFrom)).toEqual({
      valid: false,
      reason: 'not-yet-valid',
    });
  });

  it('rejects a token with any byte changed', async () => {
    const { core, clock } = setup();
    const { step } = await core.driverQr.current('demo-fr');
    const payload = payloadFor(core, 'demo-fr', step);
    for (let i = 0; i < payload.length; i++) {
      const replacement = payload[i] === 'A' ? 'B' : 'A';
      const tampered = payload.slice(0, i) + replacement + payload.slice(i + 1);
      expect(core.driverQr.verifyDriverToken(tampered, clock.now()).valid, `byte ${i}`).toBe(false);
    }
  });

  it("rejects another store's token, and one signed with another network's key", async () => {
    const a = setup(0);
    const b = setup(1);
    const { step } = await a.core.driverQr.current('demo-it');
    const fromB = payloadFor(b.core, 'demo-it', step);
    expect(a.core.driverQr.verifyDriverToken(fromB, a.clock.now())).toEqual({ valid: false, reason: 'wrong-store' });
    const forged = encodeDriverToken(
      { storeId: a.core.storeId, networkId: 'demo-it', step },
      deriveKey(b.core.networks.secretOf('demo-it'), 'driver-qr-mac'),
    );
    expect(a.core.driverQr.verifyDriverToken(forged, a.clock.now())).toEqual({ valid: false, reason: 'bad-signature' });
    const crossNetwork = encodeDriverToken(
      { storeId: a.core.storeId, networkId: 'demo-it', step },
      deriveKey(a.core.networks.secretOf('demo-fr'), 'driver-qr-mac'),
    );
    expect(a.core.driverQr.verifyDriverToken(crossNetwork, a.clock.now())).toEqual({ valid: false, reason: 'bad-signature' });
  });

  it('rejects garbage and unknown networks', () => {
    const { core, clock } = setup();
    for (const junk of [
      '',
      'hello',
      'OC2.a.b.c.d',
      `OC2.${core.storeId}.demo-it.-1.${'A'.repeat(16)}`,
      `OC2.${core.storeId}.demo-it.1.${'A'.repeat(43)}`,
    ]) {
      expect(core.driverQr.verifyDriverToken(junk, clock.now())).toEqual({ valid: false, reason: 'malformed' });
    }
    const unknown = `OC2.${core.storeId}.nope.1.${'A'.repeat(16)}`;
    expect(core.driverQr.verifyDriverToken(unknown, clock.now())).toEqual({ valid: false, reason: 'unknown-network' });
  });
});

describe('reading a driver token', () => {
  const key = deriveKey(Buffer.from('a network secret'), 'driver-qr-mac');
  const good = encodeDriverToken({ storeId: 'store_1', networkId: 'demo-it', step: 42 }, key);
  const [, , , , mac] = good.split('.') as [string, string, string, string, string];

  it('reads back what was written', () => {
    expect(parseDriverToken(good)).toEqual({
      claims: { storeId: 'store_1', networkId: 'demo-it', step: 42 },
      body: 'OC2.store_1.demo-it.42',
      mac,
    });
    expect(signatureMatches('OC2.store_1.demo-it.42', mac, key)).toBe(true);
  });

  it('refuses every token that is not five well-formed fields, before any signature is checked', () => {
    for (const malformed of [
      `OC2.store_1.demo-it.42`,
      `OC2.store_1.demo-it.42.${mac}.x`,
      `OC1.store_1.demo-it.42.${mac}`,
      `OC2.store 1.demo-it.42.${mac}`,
      `OC2..demo-it.42.${mac}`,
      `OC2.store_1.demo/it.42.${mac}`,
      `OC2.store_1..42.${mac}`,
      `OC2.${'s'.repeat(65)}.demo-it.42.${mac}`,
      `OC2.store_1.${'n'.repeat(65)}.42.${mac}`,
      `OC2.store_1.demo-it.42x.${mac}`,
      `OC2.store_1.demo-it.x42.${mac}`,
      `OC2.store_1.demo-it.${'9'.repeat(16)}.${mac}`,
      `OC2.store_1.demo-it.42.${mac}A`,
      `OC2.store_1.demo-it.42.${mac.slice(1)}`,
      `OC2.store_1.demo-it.42.${mac.slice(1)}=`,
    ])
      expect(parseDriverToken(malformed), malformed).toBeUndefined();
    expect(parseDriverToken(`OC2.${'s'.repeat(64)}.${'n'.repeat(64)}.0.${mac}`)?.claims.step).toBe(0);
  });

  it('says no, without throwing, to a MAC of the wrong length', () => {
    expect(signatureMatches('OC2.store_1.demo-it.42', mac.slice(0, 15), key)).toBe(false);
    expect(signatureMatches('OC2.store_1.demo-it.42', `${mac}AAAA`, key)).toBe(false);
  });

  it('refuses to sign ids that would make the dots ambiguous, and steps that are not a whole count from 0', () => {
    for (const [storeId, networkId] of [
      ['store.1', 'demo-it'],
      ['store_1', 'demo.it'],
      ['', 'demo-it'],
      ['store_1', ''],
    ])
      expect(() => encodeDriverToken({ storeId: storeId!, networkId: networkId!, step: 1 }, key), `${storeId} ${networkId}`).toThrow(
        /ids must be/,
      );
    for (const step of [-1, 1.5, Number.NaN, 2 ** 53])
      expect(() => encodeDriverToken({ storeId: 'store_1', networkId: 'demo-it', step }, key), String(step)).toThrow(/time step/);
    expect(encodeDriverToken({ storeId: 'store_1', networkId: 'demo-it', step: 0 }, key)).toMatch(/^OC2\.store_1\.demo-it\.0\./);
  });

  it('derives the code key and the QR key apart, and the same way on every version (the networks derive them too)', () => {
    const secret = Buffer.from('a network secret');
    const code = Buffer.from(deriveKey(secret, 'driver-code')).toString('hex');
    const qr = Buffer.from(deriveKey(secret, 'driver-qr-mac')).toString('hex');
    expect(code).not.toBe(qr);
    // HKDF-SHA256 with an empty salt and the info "opencounter/<purpose>": what a network's verifier computes.
    expect(code).toBe(Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'opencounter/driver-code', 32)).toString('hex'));
    expect(qr).toBe(Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'opencounter/driver-qr-mac', 32)).toString('hex'));
  });
});

describe('driver token size', () => {
  it('carries a MAC truncated to 12 bytes, so the QR stays coarse enough to read from a distance', async () => {
    const { core, clock } = setup();
    const { step } = await core.driverQr.current('demo-it');
    const payload = payloadFor(core, 'demo-it', step);
    const mac = payload.split('.').at(-1)!;
    expect(Buffer.from(mac, 'base64url')).toHaveLength(12);
    expect(payload).toBe(`OC2.${core.storeId}.demo-it.${step}.${mac}`);
    // Fits a version-4 QR at error correction M (62 bytes, 33 modules); the full MAC needed version 5 (37).
    expect(payload.length).toBeLessThanOrEqual(62);
    // The MAC is the first 12 bytes of the full HMAC-SHA256: a token with the full 32 is not accepted.
    const full = createHmac('sha256', deriveKey(core.networks.secretOf('demo-it'), 'driver-qr-mac'))
      .update(payload.split('.').slice(0, 4).join('.'))
      .digest();
    expect(full.subarray(0, 12).toString('base64url')).toBe(mac);
    const long = `${payload.split('.').slice(0, 4).join('.')}.${full.toString('base64url')}`;
    expect(core.driverQr.verifyDriverToken(long, clock.now())).toEqual({ valid: false, reason: 'malformed' });
  });
});

describe('driver QR and code', () => {
  it('carries store, network, step and MAC in the QR, and a 6-digit code a network can check', async () => {
    const { core, clock } = setup();
    const qr = await core.driverQr.current('demo-it');
    expect(qr.code).toMatch(/^\d{6}$/);
    expect(qr.qrSvg.startsWith('<svg')).toBe(true);
    expect(qr.validUntil - qr.validFrom).toBe(30_000);
    expect(qr.validFrom).toBeLessThanOrEqual(clock.now());
    expect(qr.validUntil).toBeGreaterThan(clock.now());
    expect(core.driverQr.verifyDriverCode('demo-it', qr.code, clock.now())).toBe(true);
    // One step of skew either side, as for the QR: a driver's phone a little behind or ahead still gets in.
    expect(core.driverQr.verifyDriverCode('demo-it', qr.code, qr.validFrom - 30_000)).toBe(true);
    expect(core.driverQr.verifyDriverCode('demo-it', qr.code, qr.validUntil + 29_999)).toBe(true);
    expect(core.driverQr.verifyDriverCode('demo-it', qr.code, qr.validFrom - 30_001)).toBe(false);
    expect(core.driverQr.verifyDriverCode('demo-it', qr.code, qr.validUntil + 30_000)).toBe(false);
    clock.advance(3 * 30_000);
    expect(core.driverQr.verifyDriverCode('demo-it', qr.code, clock.now())).toBe(false);
  });

  it('changes when the step changes and differs between networks', async () => {
    const { core, clock } = setup();
    const first = await core.driverQr.current('demo-it');
    const other = await core.driverQr.current('demo-fr');
    expect(other.qrSvg).not.toBe(first.qrSvg);
    clock.set(first.validUntil);
    const next = await core.driverQr.current('demo-it');
    expect(next.step).toBe(first.step + 1);
    expect(next.qrSvg).not.toBe(first.qrSvg);
  });

  it('keeps the same store id and secrets after a restart on the same database', async () => {
    const dir = tempDir();
    const first = openTestCore(dir);
    const before = await first.core.driverQr.current('demo-it');
    const storeId = first.core.storeId;
    first.core.close();
    const second = openTestCore(dir);
    opened.push(second.core);
    expect(second.core.storeId).toBe(storeId);
    expect((await second.core.driverQr.current('demo-it')).code).toBe(before.code);
    expect(second.core.networks.list().map((n) => n.id)).toEqual(['demo-it', 'demo-fr']);
  });
});
