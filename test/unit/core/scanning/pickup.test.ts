import { describe, expect, it } from 'vitest';
import { formatPickupBarcode, parsePickupBarcode } from '../../../../main/core/scanning';

describe('parsePickupBarcode', () => {
  it('reads a pickup barcode, prefix in any case', () => {
    expect(parsePickupBarcode('PU:demo-it:042917')).toEqual({ kind: 'ok', networkId: 'demo-it', code: '042917' });
    expect(parsePickupBarcode('pu:DEMO-IT:042917')).toEqual({ kind: 'ok', networkId: 'DEMO-IT', code: '042917' });
  });

  it('is not a pickup barcode when anything comes before "PU:"', () => {
    expect(parsePickupBarcode('XPU:demo-it:042917')).toEqual({ kind: 'not-a-pickup-barcode' });
    expect(parsePickupBarcode('1Z-PU:demo-it:042917')).toEqual({ kind: 'not-a-pickup-barcode' });
  });

  it.each(['PU:demo-it:04291', 'PU:demo-it:0429170', 'PU::042917', 'PU:demo:it:042917', 'PU:-demo:042917'])('%s is malformed', (text) => {
    expect(parsePickupBarcode(text)).toEqual({ kind: 'malformed' });
  });

  it('reads back what formatPickupBarcode wrote, and the writer refuses bad input', () => {
    expect(parsePickupBarcode(formatPickupBarcode('demo_fr', '000001'))).toEqual({ kind: 'ok', networkId: 'demo_fr', code: '000001' });
    expect(() => formatPickupBarcode('demo:it', '042917')).toThrow(RangeError);
    expect(() => formatPickupBarcode('demo-it', '42917')).toThrow(RangeError);
  });
});
