import { strFromU8, unzipSync } from 'fflate';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOG_FILE, logDirOf, openCounterLog, type CounterLog } from '../../../main/app/logging';
import { startCounterApp, type CounterApp } from '../../../main/app/start';
import { ManualClock } from '../../../main/core/clock';
import { TEST_START } from '../../fixtures/core';
import { supportTicket } from '../../fixtures/support-ticket';
import { useTempDir } from '../../fixtures/temp-dir';

const tempDir = useTempDir();
const apps: CounterApp[] = [];
const logs: CounterLog[] = [];
afterEach(async () => {
  apps.splice(0).forEach((app) => app.close());
  for (const log of logs.splice(0)) await log.close();
});

const TOKEN = 'tok_live_carrier_7f3a9c2e';
const PIN_HASH = 'scrypt$16384$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';
const ticket = supportTicket();

async function call<T>(app: CounterApp, name: string, input?: unknown): Promise<T> {
  const answer = await app.router.dispatch(name, input);
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value as T;
}

describe('"Attach diagnostics"', () => {
  it('adds to the case, in one call, a zip with versions, settings and networks without secrets, integrity_check and the log', async () => {
    const dataDir = tempDir();
    const counterLog = openCounterLog(dataDir);
    logs.push(counterLog);
    const app = startCounterApp({ dataDir, clock: new ManualClock(TEST_START), version: '1.4.2', log: counterLog.log });
    apps.push(app);
    const core = app.core!;
    await call(app, 'networks.save', {
      name: 'Carrier',
      baseUrl: 'https://carrier.example/v1',
      token: TOKEN,
      enabled: true,
      policyOverrides: {},
    });
    // What the staff issue will keep (a manager's PIN hash) must stay out even if it lands in settings.
    core.settings.set('staff.manager.pinHash', PIN_HASH);
    counterLog.log('pickup started for code 482913');
    await expect
      .poll(() => existsSync(join(logDirOf(dataDir), LOG_FILE)) && readFileSync(join(logDirOf(dataDir), LOG_FILE), 'utf8'))
      .toContain('pickup started');
    const opened = await call<{ id: number }>(app, 'support.open', ticket);

    const detail = await call<{ messages: { body: string; attachments: { id: number; fileName: string; mimeType: string }[] }[] }>(
      app,
      'support.attachDiagnostics',
      {
        caseId: opened.id,
        body: 'Diagnostics of this counter',
      },
    );
    const message = detail.messages.find((m) => m.body === 'Diagnostics of this counter')!;
    expect(message.attachments).toEqual([
      expect.objectContaining({ fileName: 'diagnostics-20261124-090000.zip', mimeType: 'application/zip' }),
    ]);
    const file = await call<{ base64: string }>(app, 'support.attachment', { attachmentId: message.attachments[0]!.id });
    const zip = Buffer.from(file.base64, 'base64');
    const entries = Object.fromEntries(Object.entries(unzipSync(new Uint8Array(zip))).map(([name, bytes]) => [name, strFromU8(bytes)]));

    expect(Object.keys(entries).sort()).toEqual([
      'crash-dumps.txt',
      'integrity-check.txt',
      `logs/${LOG_FILE}`,
      'networks.json',
      'settings.json',
      'versions.json',
    ]);
    expect(entries['integrity-check.txt']).toBe('ok\n');
    expect(JSON.parse(entries['versions.json']!)).toMatchObject({ app: '1.4.2', node: process.versions.node, schema: expect.any(Number) });
    expect(JSON.parse(entries['settings.json']!)).toMatchObject({ 'store.id': core.storeId });
    expect(JSON.parse(entries['networks.json']!)).toContainEqual(
      expect.objectContaining({ name: 'Carrier', baseUrl: 'https://carrier.example/v1' }),
    );
    expect(entries[`logs/${LOG_FILE}`]).toContain('pickup started for code [code]');

    const storeKeys = core.db.prepare<[], { secret: Buffer }>('SELECT secret FROM store_keys').all();
    expect(storeKeys.length).toBeGreaterThan(0);
    const secrets = [TOKEN, PIN_HASH, '482913', ...storeKeys.flatMap((k) => [k.secret.toString('hex'), k.secret.toString('base64')])];
    const everything = Object.values(entries).join('\n');
    for (const secret of secrets) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/pinHash/);
  });

  it('refuses a case that does not exist, attaching nothing', async () => {
    const app = startCounterApp({ dataDir: tempDir(), clock: new ManualClock(TEST_START), version: '1.4.2', log: () => {} });
    apps.push(app);
    const answer = await app.router.dispatch('support.attachDiagnostics', { caseId: 999, body: 'Diagnostics' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(app.core!.db.prepare('SELECT count(*) AS n FROM support_attachments').get()).toEqual({ n: 0 });
  });
});
