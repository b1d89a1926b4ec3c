import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCounterLog, scrubPersonalData } from '../../../main/app/logging';

const dirs: string[] = [];
function dataDir() {
  const dir = mkdtempSync(join(tmpdir(), 'opencounter-log-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const readLogs = (dir: string) =>
  readdirSync(join(dir, 'logs'))
    .map((file) => readFileSync(join(dir, 'logs', file), 'utf8'))
    .join('');

const SECRETS = [
  '482913',
  'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.sig',
  'Giulia Bianchi',
  'giulia.bianchi@example.it',
  '+39 347 123 4567',
  'tok_live_9f8e7d',
];

describe('the log file', () => {
  it('keeps no planted personal data, in fields, messages or errors', async () => {
    const dir = dataDir();
    const counterLog = openCounterLog(dir);
    counterLog.logger.info(
      { parcel: { pickupCode: '482913', customerName: 'Giulia Bianchi', email: 'giulia.bianchi@example.it' }, token: 'tok_live_9f8e7d' },
      'handed over',
    );
    counterLog.logger.warn({ phone: '+39 347 123 4567' }, 'customer reached');
    counterLog.log('pickup code 482913 refused for giulia.bianchi@example.it, call +39 347 123 4567');
    counterLog.log('network sync failed', new Error('401 for Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.sig with code 482913'));
    await counterLog.close();

    const text = readLogs(dir);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.msg)).toEqual([
      'handed over',
      'customer reached',
      'pickup code [code] refused for [email], call [phone]',
      'network sync failed',
    ]);
    expect(lines[0]).toMatchObject({ parcel: { pickupCode: '[redacted]', customerName: '[redacted]' }, token: '[redacted]' });
    expect(lines[3]).toMatchObject({
      level: 50,
      err: { type: 'Error', message: '401 for Authorization: Bearer [redacted] with code [code]' },
    });
  });

  it('rotates by size and keeps 5 files', async () => {
    const dir = dataDir();
    const counterLog = openCounterLog(dir, { maxBytes: 1024 });
    for (let i = 0; i < 400; i++) {
      counterLog.log(`scan ${i} ${'x'.repeat(60)}`);
      if (i % 20 === 0) await new Promise((done) => setImmediate(done));
    }
    await counterLog.close();
    const files = readdirSync(join(dir, 'logs'));
    expect(files.length).toBe(5);
    expect(files).toContain('counter.log');
    expect(readLogs(dir)).toContain('scan 399 ');
    expect(readLogs(dir)).not.toContain('scan 0 ');
  });

  it('scrubs free text but leaves ordinary numbers', () => {
    expect(scrubPersonalData('shelf 12, 3 parcels, 2026-12-01')).toBe('shelf 12, 3 parcels, 2026-12-01');
    expect(scrubPersonalData('code 123456')).toBe('code [code]');
    expect(scrubPersonalData('appeler le 06 12 34 56 78 ou 3471234567')).toBe('appeler le [phone] ou [phone]');
  });
});
