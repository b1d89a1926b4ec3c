import QRCode from 'qrcode';
import type { Clock } from '../clock';
import type { NetworkRepository } from '../networks/network-repository';
import { deriveKey, encodeDriverToken, parseDriverToken, signatureMatches, type DriverTokenVerdict } from './driver-token';
import { timeStep, totp } from './totp';

/** Steps either side of the current one that a network still accepts (clock skew, a slow scan). */
export const DRIVER_TOKEN_SKEW_STEPS = 1;

export interface DriverQr {
  networkId: string;
  code: string;
  qrSvg: string;
  step: number;
  validFrom: number;
  validUntil: number;
}

/**
 * The store's identity for drivers: per network, a 6-digit code and a signed
 * QR that both change every time step. Secrets stay in this process.
 */
export class DriverQrService {
  constructor(
    private readonly storeId: string,
    private readonly networks: NetworkRepository,
    private readonly clock: Clock,
  ) {}

  async current(networkId: string): Promise<DriverQr> {
    const network = this.networks.get(networkId);
    const secret = this.networks.secretOf(networkId);
    const period = network.policy.driverQrStepSeconds;
    const now = this.clock.now();
    const step = timeStep(now, period);
    const payload = encodeDriverToken({ storeId: this.storeId, networkId, step }, deriveKey(secret, 'driver-qr-mac'));
    // A quiet zone of 4 modules, as the QR standard asks: with less, readers at a distance miss the code.
    const qrSvg = await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
    return {
      networkId,
      code: totp(deriveKey(secret, 'driver-code'), now, { periodSeconds: period }),
      qrSvg,
      step,
      validFrom: step * period * 1000,
      validUntil: (step + 1) * period * 1000,
    };
  }

  /** When the QR of the fastest-rotating network next changes. */
  nextRotationAt(now: number): number | undefined {
    const periods = this.networks
      .list()
      .filter((n) => n.enabled)
      .map((n) => n.policy.driverQrStepSeconds * 1000);
    if (periods.length === 0) return undefined;
    return Math.min(...periods.map((p) => (Math.floor(now / p) + 1) * p));
  }

  /** What a network does with a driver's scan of the store QR. */
  verifyDriverToken(payload: string, now: number): DriverTokenVerdict {
    const parsed = parseDriverToken(payload);
    if (!parsed) return { valid: false, reason: 'malformed' };
    const { claims } = parsed;
    if (claims.storeId !== this.storeId) return { valid: false, reason: 'wrong-store' };
    let secret: Buffer;
    let period: number;
    try {
      secret = this.networks.secretOf(claims.networkId);
      period = this.networks.get(claims.networkId).policy.driverQrStepSeconds;
    } catch {
      return { valid: false, reason: 'unknown-network' };
    }
    if (!signatureMatches(parsed.body, parsed.mac, deriveKey(secret, 'driver-qr-mac'))) {
      return { valid: false, reason: 'bad-signature' };
    }
    const currentStep = timeStep(now, period);
    if (claims.step < currentStep - DRIVER_TOKEN_SKEW_STEPS) return { valid: false, reason: 'expired' };
    if (claims.step > currentStep + DRIVER_TOKEN_SKEW_STEPS) return { valid: false, reason: 'not-yet-valid' };
    return { valid: true, claims };
  }

  /** The code a network accepts from a driver typing it, with the same skew as the QR. */
  verifyDriverCode(networkId: string, code: string, now: number): boolean {
    const secret = this.networks.secretOf(networkId);
    const period = this.networks.get(networkId).policy.driverQrStepSeconds;
    const key = deriveKey(secret, 'driver-code');
    for (let d = -DRIVER_TOKEN_SKEW_STEPS; d <= DRIVER_TOKEN_SKEW_STEPS; d++) {
      if (totp(key, now + d * period * 1000, { periodSeconds: period }) === code) return true;
    }
    return false;
  }
}
