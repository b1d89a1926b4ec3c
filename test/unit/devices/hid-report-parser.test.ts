import { describe, expect, it } from 'vitest';
import {
  createBootKeyboardDecoder,
  createHidPosAssembler,
  HID_POS_LAYOUT,
  parseHidPosReport,
} from '../../../main/devices/hid-report-parser';

/**
 * A 64-byte HID POS Scanned Data Report as a Honeywell/Access-IS scanner sends
 * it: id 2, length, AIM id, 56 data bytes (zero padded), vendor code id,
 * reserved, continued flag.
 */
function posReport(data: number[] | string, options: { aim?: string; codeId?: number; continued?: boolean } = {}): number[] {
  const bytes = typeof data === 'string' ? [...Buffer.from(data, 'latin1')] : data;
  if (bytes.length > 56) throw new Error('one report holds 56 bytes');
  const aim = options.aim === undefined ? [0, 0, 0] : [...Buffer.from(options.aim, 'latin1')];
  const report = [
    0x02,
    bytes.length,
    ...aim,
    ...bytes,
    ...Array<number>(56 - bytes.length).fill(0),
    options.codeId ?? 0,
    0x00,
    options.continued ? 0x01 : 0x00,
  ];
  expect(report).toHaveLength(64);
  return report;
}

/** Recorded: Code 128 label "QC0000000001" (AIM ]C0, Honeywell code id 'j'). */
// prettier-ignore
const RECORDED_CODE128 = [
  0x02, 0x0c, 0x5d, 0x43, 0x30,                                     // id 2, 12 bytes, "]C0"
  0x51, 0x43, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x31, // "QC0000000001"
  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // padding to byte 60
  0x6a, 0x00, 0x00,                                                 // code id 'j', reserved, not continued
];

describe('HID POS scanned data report', () => {
  it('decodes a recorded single report (length, AIM id, data)', () => {
    expect(RECORDED_CODE128).toHaveLength(64);
    expect(RECORDED_CODE128).toEqual(posReport('QC0000000001', { aim: ']C0', codeId: 0x6a }));
    const fragment = parseHidPosReport(RECORDED_CODE128);
    expect(fragment?.symbology).toBe(']C0');
    expect(fragment?.continued).toBe(false);
    expect(Buffer.from(fragment!.data).toString('latin1')).toBe('QC0000000001');
    expect(createHidPosAssembler().push(Buffer.from(RECORDED_CODE128))).toEqual({ code: 'QC0000000001', symbology: ']C0' });
  });

  it('joins a 60-byte code sent as two reports (continued bit on the first)', () => {
    // The manuals' example: 56 bytes with bit 0 of byte 63 set, then the last 4 bytes.
    const code = 'M1ROSSI/MARIO         EABCDEF FCOLINAZ 1234 052Y003D0023 100';
    expect(code).toHaveLength(60);
    const first = posReport(code.slice(0, 56), { aim: ']Q0', codeId: 0x73, continued: true });
    const second = posReport(code.slice(56), { aim: ']Q0', codeId: 0x73 });
    expect(first[63]).toBe(0x01);
    expect(second[1]).toBe(4);
    const assembler = createHidPosAssembler();
    expect(assembler.push(first)).toBeUndefined();
    expect(assembler.push(second)).toEqual({ code, symbology: ']Q0' });
    // A following scan starts clean.
    expect(assembler.push(posReport('NEXT0001', { aim: ']C0' }))?.code).toBe('NEXT0001');
  });

  it('keeps GS1 group separators and reports the GS1-128 symbology', () => {
    const data = [...Buffer.from('0100012345678905', 'latin1'), 0x1d, ...Buffer.from('10ABC123', 'latin1')];
    expect(createHidPosAssembler().push(posReport(data, { aim: ']C1', codeId: 0x49 }))).toEqual({
      code: '0100012345678905\u001d10ABC123',
      symbology: ']C1',
    });
  });

  it('ignores other reports, even in the middle of a continued scan', () => {
    const assembler = createHidPosAssembler();
    const statusReport = [0x04, 0x01, ...Array<number>(62).fill(0)];
    expect(parseHidPosReport(statusReport)).toBeUndefined();
    expect(assembler.push(posReport('A'.repeat(56), { continued: true }))).toBeUndefined();
    expect(assembler.push(statusReport)).toBeUndefined();
    expect(assembler.push(posReport('BB'))).toEqual({ code: 'A'.repeat(56) + 'BB', symbology: undefined });
  });

  it('copes with a bad length byte and short reports', () => {
    const report = posReport('12345678');
    report[1] = 200; // says more than a report can hold: clamp to the 56 data bytes
    expect(parseHidPosReport(report)?.data).toHaveLength(56);
    expect(parseHidPosReport([0x02, 0x01, 0x5d])).toBeUndefined();
    const truncated = [0x02, 3, 0, 0, 0, 0x41, 0x42]; // hidapi handed over fewer bytes than declared
    expect(parseHidPosReport(truncated)).toEqual({ symbology: undefined, data: Uint8Array.from([0x41, 0x42]), continued: false });
  });

  it('decodes UTF-8 split across two reports when asked to', () => {
    const bytes = [...Buffer.from('x'.repeat(55) + 'é-CAFÉ', 'utf8')]; // 'é' straddles bytes 55–56
    const assembler = createHidPosAssembler({ encoding: 'utf8' });
    expect(assembler.push(posReport(bytes.slice(0, 56), { continued: true }))).toBeUndefined();
    expect(assembler.push(posReport(bytes.slice(56)))?.code).toBe('x'.repeat(55) + 'é-CAFÉ');
  });

  it('reset() forgets a half-received scan; an empty scan is no scan', () => {
    const assembler = createHidPosAssembler();
    assembler.push(posReport('PARTIAL', { continued: true }));
    assembler.reset();
    expect(assembler.push(posReport('WHOLE123'))?.code).toBe('WHOLE123');
    expect(assembler.push(posReport(''))).toBeUndefined();
  });

  it('accepts a custom layout (fields placed by another report descriptor)', () => {
    // 62-byte variant: id, count, AIM, 56 data, flags byte right after the data.
    const layout = { ...HID_POS_LAYOUT, continuedOffset: 61 };
    const first = [0x02, 56, 0x5d, 0x51, 0x31, ...Buffer.from('9'.repeat(56)), 0x01];
    const last = [0x02, 2, 0x5d, 0x51, 0x31, ...Buffer.from('77'), ...Array<number>(54).fill(0), 0x00];
    const assembler = createHidPosAssembler({ layout });
    expect(assembler.push(first)).toBeUndefined();
    expect(assembler.push(last)).toEqual({ code: '9'.repeat(56) + '77', symbology: ']Q1' });
  });
});

/** Boot keyboard reports: [modifiers, reserved, k1..k6]. */
const kb = (modifiers: number, ...keys: number[]) => [modifiers, 0, ...keys, ...Array<number>(6 - keys.length).fill(0)];
const RELEASE = kb(0);
const L_SHIFT = 0x02;
const R_SHIFT = 0x20;
const L_CTRL = 0x01;

describe('boot keyboard reports', () => {
  it('types a recorded scan: press/release pairs, Shift for capitals, Enter ends it', () => {
    // "QC-01a" + Enter as a scanner in USB keyboard mode sends it.
    // prettier-ignore
    const recorded = [
      [0x02, 0, 0x14, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], // Shift+q → Q
      [0x02, 0, 0x06, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], // Shift+c → C
      [0x00, 0, 0x2d, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], // -
      [0x00, 0, 0x27, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], // 0
      [0x00, 0, 0x1e, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], // 1
      [0x00, 0, 0x04, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], // a
      [0x00, 0, 0x28, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], // Enter
    ];
    const decoder = createBootKeyboardDecoder();
    const out = recorded.map((r) => decoder.push(r));
    expect(out.filter((x) => x !== undefined)).toEqual(['QC-01a']);
    expect(out[12]).toBe('QC-01a'); // completed on the Enter press, not its release
  });

  it('counts a repeated character once per press, and a held key once', () => {
    const decoder = createBootKeyboardDecoder();
    const reports = [
      kb(0, 0x27),
      RELEASE,
      kb(0, 0x27),
      RELEASE,
      kb(0, 0x04),
      kb(0, 0x04, 0x05),
      kb(0, 0x05),
      RELEASE,
      kb(0, 0x28),
      RELEASE,
    ];
    expect(reports.map((r) => decoder.push(r)).filter(Boolean)).toEqual(['00ab']);
  });

  it('right Shift, shifted symbols, keypad digits', () => {
    const decoder = createBootKeyboardDecoder();
    const reports = [kb(R_SHIFT, 0x1f), RELEASE, kb(L_SHIFT, 0x2d), RELEASE, kb(0, 0x59), RELEASE, kb(0, 0x62), RELEASE, kb(0, 0x58)];
    expect(reports.map((r) => decoder.push(r)).filter(Boolean)).toEqual(['@_10']);
  });

  it('Ctrl+] is the GS1 group separator (0x1D); other Ctrl keys are not data', () => {
    const decoder = createBootKeyboardDecoder();
    const reports = [kb(0, 0x1e), RELEASE, kb(L_CTRL, 0x30), RELEASE, kb(0, 0x1f), RELEASE, kb(L_CTRL, 0x1e), RELEASE, kb(0, 0x28)];
    expect(reports.map((r) => decoder.push(r)).filter(Boolean)).toEqual(['1\u001d2']);
  });

  it('ignores phantom (ErrorRollOver) reports and lone Enter presses', () => {
    const decoder = createBootKeyboardDecoder();
    expect(decoder.push(kb(0, 0x28))).toBeUndefined(); // nothing typed yet
    const reports = [kb(0, 0x04), kb(0, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01), kb(0, 0x04, 0x05), RELEASE, kb(0, 0x28)];
    expect(reports.map((r) => decoder.push(r)).filter(Boolean)).toEqual(['ab']);
  });

  it('Tab terminator and numbered reports', () => {
    const decoder = createBootKeyboardDecoder({ terminator: 'Tab', reportId: 1 });
    const reports = [
      [1, ...kb(0, 0x05)],
      [1, ...RELEASE],
      [1, ...kb(0, 0x28)],
      [1, ...RELEASE],
      [3, ...kb(0, 0x2b)],
      [1, ...kb(0, 0x2b)],
    ];
    // Enter is not the terminator (and types nothing); report id 3 is someone else's.
    expect(reports.map((r) => decoder.push(r)).filter(Boolean)).toEqual(['b']);
  });
});
