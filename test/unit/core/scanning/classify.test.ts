import { describe, expect, it } from 'vitest';
import { demoNetworks } from '../../../../main/core/networks/demo-networks';
import {
  classifyScan,
  formatPickupBarcode,
  GS,
  scanNetworksOf,
  type ScanClassification,
  type ScanNetwork,
} from '../../../../main/core/scanning';

/** The demo networks as core will pass them: demo-it `^IT[0-9A-Z]{10}$`, demo-fr `^QC[0-9A-Z]{10}$`. */
const networks = scanNetworksOf(demoNetworks);

// SSCCs with their GS1 mod-10 check digit (see check-digits.test.ts).
const SSCC = '340123451234567895';
const SSCC_2 = '106141411234567897';
const SSCC_BAD = '340123451234567894';

type Row = [label: string, raw: string, expected: Partial<ScanClassification> & Record<string, unknown>];

const table: Row[] = [
  // Demo network patterns
  ['demo IT tracking ID', 'IT1234567890', { kind: 'parcel', network: 'demo-it', trackingId: 'IT1234567890', format: 'network' }],
  ['demo FR tracking ID', 'QC00000123AB', { kind: 'parcel', network: 'demo-fr', trackingId: 'QC00000123AB', format: 'network' }],
  ['lowercase', 'qc00000123ab', { kind: 'parcel', network: 'demo-fr', trackingId: 'QC00000123AB' }],
  [
    'mixed case with spaces, as typed from the label',
    ' it 12345 abcde ',
    { kind: 'parcel', network: 'demo-it', trackingId: 'IT12345ABCDE' },
  ],
  ['trailing CR (scanner terminator)', 'IT1234567890\r', { kind: 'parcel', network: 'demo-it', trackingId: 'IT1234567890' }],
  ['trailing CRLF', 'IT1234567890\r\n', { kind: 'parcel', trackingId: 'IT1234567890' }],
  ['trailing Tab', 'QC00000123AB\t', { kind: 'parcel', trackingId: 'QC00000123AB' }],
  ['Code 128 AIM prefix', ']C0IT1234567890\r', { kind: 'parcel', network: 'demo-it', trackingId: 'IT1234567890', symbology: ']C0' }],
  ['Code 39 AIM prefix', ']A0QC00000123AB', { kind: 'parcel', network: 'demo-fr', symbology: ']A0' }],
  ['QR AIM prefix', ']Q1IT1234567890', { kind: 'parcel', network: 'demo-it', symbology: ']Q1' }],
  ['one character too many for the IT pattern', 'IT12345678901', { kind: 'unknown', reason: 'no-match' }],
  ['wrong prefix', 'XX1234567890', { kind: 'unknown', reason: 'no-match' }],
  ['punctuation in an ID', 'IT12345-7890', { kind: 'unknown', reason: 'no-match' }],

  // GS1 SSCC
  ['GS1-128 SSCC with ]C1', `]C100${SSCC}`, { kind: 'parcel', format: 'sscc', trackingId: SSCC, symbology: ']C1' }],
  ['GS1 DataMatrix SSCC with ]d2', `]d200${SSCC_2}\r`, { kind: 'parcel', format: 'sscc', trackingId: SSCC_2 }],
  ['GS1 QR SSCC with ]Q3', `]Q300${SSCC}`, { kind: 'parcel', format: 'sscc', trackingId: SSCC }],
  ['GS1-128 SSCC without AIM prefix', `00${SSCC}`, { kind: 'parcel', format: 'sscc', trackingId: SSCC }],
  ['FNC1 sent as a leading GS', `${GS}00${SSCC}`, { kind: 'parcel', format: 'sscc', trackingId: SSCC }],
  ['bracketed human-readable SSCC, typed with spaces', `(00) 3 4012345 123456789 5`, { kind: 'parcel', format: 'sscc', trackingId: SSCC }],
  ['bare 18-digit SSCC', SSCC, { kind: 'parcel', format: 'sscc', trackingId: SSCC }],
  ['SSCC, bad check digit', `]C100${SSCC_BAD}`, { kind: 'unknown', reason: 'bad-check-digit', format: 'sscc' }],
  ['SSCC, bad check digit, no AIM', `00${SSCC_BAD}`, { kind: 'unknown', reason: 'bad-check-digit', format: 'sscc' }],
  ['bracketed SSCC, bad check digit', `(00)${SSCC_BAD}`, { kind: 'unknown', reason: 'bad-check-digit', format: 'sscc' }],
  [
    'bare 18 digits, bad check digit: an SSCC with a bad check digit',
    SSCC_BAD,
    { kind: 'unknown', reason: 'bad-check-digit', format: 'sscc' },
  ],
  ['SSCC one digit short', `]C100${SSCC.slice(1)}`, { kind: 'unknown', reason: 'malformed-gs1' }],

  // GS1 with group separators, ship-to postal codes
  [
    'SSCC + 420 postal code + 403 routing, ASCII 29',
    `]C100${SSCC}42020121${GS}403R12`,
    { kind: 'parcel', format: 'sscc', trackingId: SSCC, shipTo: { postalCode: '20121' } },
  ],
  [
    'SSCC + 421 (France 250) postal code, <GS> substitute',
    `]C1421250750${'01'}<GS>00${SSCC}`,
    { kind: 'parcel', format: 'sscc', trackingId: SSCC, shipTo: { countryCode: '250', postalCode: '75001' } },
  ],
  [
    '420 first, as on many carrier labels, {GS} substitute, CR',
    `42020121{GS}00${SSCC}\r`,
    { kind: 'parcel', format: 'sscc', trackingId: SSCC, shipTo: { postalCode: '20121' } },
  ],
  [
    'network tracking ID in a GS1 company-internal AI',
    `]C142075001${GS}91QC00000123AB`,
    { kind: 'parcel', format: 'network', network: 'demo-fr', trackingId: 'QC00000123AB', shipTo: { postalCode: '75001' } },
  ],
  ['GTIN + serial: a product, not a parcel', `]C1010400638133393121ABC123${GS}10LOT5`, { kind: 'unknown', reason: 'not-a-parcel' }],
  ['GTIN with a bad check digit', `]C10104006381333932`, { kind: 'unknown', reason: 'bad-check-digit' }],
  ['unknown AI', `]C18712345`, { kind: 'unknown', reason: 'malformed-gs1', detail: 'unknown-ai 8712' }],
  ['EAN-13 product barcode', ']E04006381333931', { kind: 'unknown', reason: 'no-match', symbology: ']E0' }],

  // UPS
  ['UPS 1Z, UPS example number', '1Z999AA10123456784', { kind: 'parcel', format: 'ups-1z', trackingId: '1Z999AA10123456784' }],
  ['UPS 1Z, letters in the body', '1Z5R89390357567127', { kind: 'parcel', format: 'ups-1z' }],
  [
    'UPS 1Z, spaced and lowercase as typed from the label',
    '1z 999 aa1 01 2345 678 4',
    { kind: 'parcel', format: 'ups-1z', trackingId: '1Z999AA10123456784' },
  ],
  ['UPS 1Z with Code 128 AIM prefix', ']C01Z410E7W0392751591\r', { kind: 'parcel', format: 'ups-1z', trackingId: '1Z410E7W0392751591' }],
  ['UPS 1Z, bad check digit', '1Z999AA10123456785', { kind: 'unknown', reason: 'bad-check-digit', format: 'ups-1z' }],
  ['UPS 1Z, transposed digits', '1Z999AA10213456784', { kind: 'unknown', reason: 'bad-check-digit', format: 'ups-1z' }],
  ['UPS 1Z, too short', '1Z999AA1012345678', { kind: 'unknown', reason: 'no-match' }],

  // Pickup
  ['6-digit pickup code', '042917', { kind: 'pickup', code: '042917', form: 'code' }],
  ['6-digit pickup code typed with a space and Enter', '042 917\r', { kind: 'pickup', code: '042917', form: 'code' }],
  ['5 digits', '04291', { kind: 'unknown', reason: 'no-match' }],
  ['7 digits', '0429171', { kind: 'unknown', reason: 'no-match' }],
  ['pickup barcode', 'PU:demo-it:042917', { kind: 'pickup', code: '042917', network: 'demo-it', form: 'barcode' }],
  [
    'pickup barcode in caps, QR AIM prefix, CR',
    ']Q1PU:DEMO-FR:123456\r',
    { kind: 'pickup', code: '123456', network: 'demo-fr', form: 'barcode' },
  ],
  ['pickup barcode of a network we do not serve', 'PU:acme:123456', { kind: 'unknown', reason: 'unknown-network', network: 'acme' }],
  ['pickup barcode with 5 digits', 'PU:demo-it:12345', { kind: 'unknown', reason: 'malformed-pickup-barcode' }],
  ['pickup barcode without network', 'PU::123456', { kind: 'unknown', reason: 'malformed-pickup-barcode' }],

  // Garbage
  ['empty', '', { kind: 'unknown', reason: 'empty' }],
  ['only whitespace and terminators', ' \r\n\t ', { kind: 'unknown', reason: 'empty' }],
  ['only an AIM identifier', ']C1\r', { kind: 'unknown', reason: 'empty' }],
  ['too long', 'IT'.repeat(65), { kind: 'unknown', reason: 'too-long' }],
  ['very long', 'x'.repeat(1_000_000), { kind: 'unknown', reason: 'too-long' }],
  ['NUL inside', 'IT12345\x0067890', { kind: 'unknown', reason: 'control-characters' }],
  ['escape sequence (an arrow key)', '\x1B[A', { kind: 'unknown', reason: 'control-characters' }],
  ['ISO/IEC 15434 envelope (MaxiCode)', '[)>\x1E01\x1D96841706672\x1D840', { kind: 'unknown', reason: 'unsupported-format' }],
  ['words', 'hello world', { kind: 'unknown', reason: 'no-match', normalized: 'HELLOWORLD' }],
  ['emoji', '📦📦', { kind: 'unknown', reason: 'no-match' }],
  ['a URL', 'https://example.com/track?id=IT1234567890', { kind: 'unknown', reason: 'no-match' }],
];

describe('classifyScan on real-format labels', () => {
  it.each(table)('%s', (_label, raw, expected) => {
    const result = classifyScan(raw, networks);
    expect(result).toMatchObject(expected);
    expect(result.warnings).toEqual([]);
  });

  it('gives exactly these fields for a parcel, a pickup and an unknown', () => {
    expect(classifyScan(']C0it1234567890\r', networks)).toEqual({
      kind: 'parcel',
      trackingId: 'IT1234567890',
      network: 'demo-it',
      format: 'network',
      normalized: 'IT1234567890',
      symbology: ']C0',
      warnings: [],
    });
    expect(classifyScan('042917', networks)).toEqual({ kind: 'pickup', code: '042917', form: 'code', normalized: '042917', warnings: [] });
    expect(classifyScan('1Z999AA10123456785', networks)).toEqual({
      kind: 'unknown',
      reason: 'bad-check-digit',
      format: 'ups-1z',
      normalized: '1Z999AA10123456785',
      warnings: [],
    });
  });

  it('keeps the GS1 elements of a GS1 label, and shows GS as ␝ in normalized', () => {
    const result = classifyScan(`]C100${SSCC}42020121${GS}403R12`, networks);
    expect(result).toMatchObject({
      gs1: [
        { ai: '00', value: SSCC },
        { ai: '420', value: '20121' },
        { ai: '403', value: 'R12' },
      ],
      normalized: `00${SSCC}42020121\u241D403R12`,
    });
  });

  it('uses the symbology a HID POS scanner reports out of band', () => {
    expect(classifyScan(`00${SSCC_BAD}`, networks, { symbology: ']C1' })).toMatchObject({
      kind: 'unknown',
      reason: 'bad-check-digit',
      symbology: ']C1',
    });
    expect(classifyScan(`${SSCC}`, networks, { symbology: ']C1' })).toMatchObject({ kind: 'unknown', reason: 'malformed-gs1' });
  });

  it('never throws, whatever comes in', () => {
    const nasty = [
      '(',
      ')',
      '(((',
      '(00',
      '((00))',
      ']',
      ']]]',
      '\x1D',
      'PU:',
      'PU:a:b:c',
      '\uD800',
      '\\',
      '$',
      '^',
      '.*',
      'A'.repeat(129),
    ];
    for (const raw of nasty) expect(() => classifyScan(raw, networks)).not.toThrow();
    expect(() => classifyScan(undefined as unknown as string, networks)).not.toThrow();
  });
});

describe('classifyScan with network patterns from settings', () => {
  it('the first network whose pattern matches wins, in the order given', () => {
    const overlapping: ScanNetwork[] = [
      { id: 'b', trackingIdPattern: '^QC[0-9]{10}$' },
      { id: 'a', trackingIdPattern: '^QC[0-9A-Z]{10}$' },
    ];
    expect(classifyScan('QC0000012345', overlapping)).toMatchObject({ kind: 'parcel', network: 'b' });
    expect(classifyScan('QC00000123AB', overlapping)).toMatchObject({ kind: 'parcel', network: 'a' });
    expect(classifyScan('QC0000012345', [...overlapping].reverse())).toMatchObject({ kind: 'parcel', network: 'a' });
  });

  it('skips an invalid regular expression with a warning, and still classifies', () => {
    const broken: ScanNetwork[] = [{ id: 'broken', trackingIdPattern: '^IT[0-9' }, ...networks];
    const result = classifyScan('IT1234567890', broken);
    expect(result).toMatchObject({ kind: 'parcel', network: 'demo-it' });
    expect(result.warnings).toEqual([{ code: 'invalid-network-pattern', network: 'broken', message: expect.any(String) }]);
    expect(classifyScan('nothing', [{ id: 'broken', trackingIdPattern: '(' }])).toMatchObject({
      kind: 'unknown',
      reason: 'no-match',
      warnings: [{ network: 'broken' }],
    });
    expect(classifyScan('IT1234567890', [{ id: 'empty', trackingIdPattern: '' }]).warnings).toHaveLength(1);
  });

  it('matches the whole code, even with an unanchored pattern', () => {
    const loose: ScanNetwork[] = [{ id: 'loose', trackingIdPattern: 'IT[0-9]{4}' }];
    expect(classifyScan('IT1234', loose)).toMatchObject({ kind: 'parcel', network: 'loose' });
    expect(classifyScan('XIT12345', loose)).toMatchObject({ kind: 'unknown', reason: 'no-match' });
  });

  it('applies a network check digit, and reports a bad one', () => {
    const postal: ScanNetwork[] = [{ id: 'post', trackingIdPattern: '^[A-Z]{2}[0-9]{9}IT$', checkDigit: 'upu-s10' }];
    expect(classifyScan('rr 123 456 785 it', postal)).toMatchObject({ kind: 'parcel', network: 'post', trackingId: 'RR123456785IT' });
    expect(classifyScan('RR123456784IT', postal)).toMatchObject({
      kind: 'unknown',
      reason: 'bad-check-digit',
      network: 'post',
      format: 'network',
    });
    // A later network without a check digit may still claim it.
    expect(classifyScan('RR123456784IT', [...postal, { id: 'any', trackingIdPattern: '^RR.*$' }])).toMatchObject({
      kind: 'parcel',
      network: 'any',
    });
  });

  it('gives a UPS or SSCC parcel to the network whose pattern claims it', () => {
    const carriers: ScanNetwork[] = [
      { id: 'ups', trackingIdPattern: '^1Z[0-9A-Z]{16}$', checkDigit: 'ups-1z' },
      { id: 'pallets', trackingIdPattern: '^3401234[0-9]{11}$', checkDigit: 'mod10-gs1' },
    ];
    expect(classifyScan('1Z999AA10123456784', carriers)).toMatchObject({ kind: 'parcel', format: 'ups-1z', network: 'ups' });
    expect(classifyScan(`]C100${SSCC}`, carriers)).toMatchObject({ kind: 'parcel', format: 'sscc', network: 'pallets' });
    expect(classifyScan(`]C100${SSCC_2}`, carriers)).not.toHaveProperty('network');
  });

  it('a 6-digit code is a pickup code even if a network pattern would match it', () => {
    expect(classifyScan('123456', [{ id: 'digits', trackingIdPattern: '^[0-9]+$' }])).toMatchObject({ kind: 'pickup' });
    expect(classifyScan('1234567', [{ id: 'digits', trackingIdPattern: '^[0-9]+$' }])).toMatchObject({ kind: 'parcel', network: 'digits' });
  });

  it('works with no networks at all', () => {
    expect(classifyScan('IT1234567890', [])).toMatchObject({ kind: 'unknown', reason: 'no-match' });
    expect(classifyScan('1Z999AA10123456784', [])).toMatchObject({ kind: 'parcel', format: 'ups-1z' });
    expect(classifyScan('PU:demo-it:123456', [])).toMatchObject({ kind: 'unknown', reason: 'unknown-network' });
  });

  it('scanNetworksOf leaves disabled networks out', () => {
    const list = [
      { id: 'on', enabled: true, policy: { trackingIdPattern: '^A$' } },
      { id: 'off', enabled: false, policy: { trackingIdPattern: '^B$' } },
    ];
    expect(scanNetworksOf(list)).toEqual([{ id: 'on', trackingIdPattern: '^A$' }]);
  });
});

describe('pickup barcode format', () => {
  it('formatPickupBarcode round-trips through the classifier', () => {
    for (const network of demoNetworks) {
      const content = formatPickupBarcode(network.id, '004711');
      expect(content).toBe(`PU:${network.id}:004711`);
      expect(classifyScan(content, networks)).toMatchObject({ kind: 'pickup', code: '004711', network: network.id, form: 'barcode' });
    }
  });

  it('formatPickupBarcode refuses malformed arguments', () => {
    expect(() => formatPickupBarcode('demo-it', '12345')).toThrow(RangeError);
    expect(() => formatPickupBarcode('demo:it', '123456')).toThrow(RangeError);
    expect(() => formatPickupBarcode('', '123456')).toThrow(RangeError);
  });
});

describe('classifyScan edges of the SSCC and GS1 rules', () => {
  const anyTracking: ScanNetwork = { id: 'carrier', trackingIdPattern: '^[0-9]{18}$' };

  it('a bare SSCC that a network pattern matches is that network’s parcel', () => {
    expect(classifyScan(SSCC, [anyTracking])).toMatchObject({ kind: 'parcel', trackingId: SSCC, format: 'sscc', network: 'carrier' });
  });

  it('AI 00 followed by more element strings without FNC1 still yields the SSCC', () => {
    // SSCC, then AI 02 with the GTIN 09501101530003 (fixed length, so no separator is needed).
    expect(classifyScan(`00${SSCC}0209501101530003`, networks)).toMatchObject({ kind: 'parcel', trackingId: SSCC, format: 'sscc' });
  });

  it('a bad check digit in a GS1 element other than the SSCC is not called an SSCC', () => {
    const result = classifyScan('(01)09501101530004', networks);
    expect(result).toMatchObject({ kind: 'unknown', reason: 'bad-check-digit' });
    expect(result).not.toHaveProperty('format');
  });

  it.each([
    `1${SSCC}`, // 19 digits: no SSCC
    `${SSCC}1`,
    `A00${SSCC}`, // "00" and an SSCC inside other text is no GS1 string
    `00${SSCC}X`,
    `100${SSCC}`,
    `ABC(01)09501101530003`, // an AI in brackets counts only at the start
  ])('%s matches nothing', (raw) => {
    expect(classifyScan(raw, networks)).toMatchObject({ kind: 'unknown', reason: 'no-match' });
  });
});

describe('a scan that is not text', () => {
  // The scanner bridge crosses a process boundary; whatever arrives, nothing but "empty" is read from it.
  it.each([undefined, null, 42, { text: 'IT1234567890' }])('%j is an empty scan', (raw) => {
    expect(classifyScan(raw as unknown as string, networks)).toMatchObject({ kind: 'unknown', reason: 'empty', normalized: '' });
  });
});
