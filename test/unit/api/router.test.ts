import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CALL_NAMES, calls, type CallName } from '../../../main/api/contract';
import { testHandlers } from '../../fixtures/handlers';
import { createRouter, type Handlers } from '../../../main/api/router';
import type { CounterCore } from '../../../main/core/counter-core';
import { CoreError } from '../../../main/core/errors';
import { openTestCore } from '../../fixtures/core';
import { useTempDir } from '../../fixtures/temp-dir';
import { serviceValidInputs } from './service/valid-inputs';

const tempDir = useTempDir();
const opened: CounterCore[] = [];
afterEach(() => opened.splice(0).forEach((c) => c.close()));

function setup() {
  const { core } = openTestCore(tempDir());
  opened.push(core);
  const router = createRouter(testHandlers(core));
  return { core, router };
}

/** Every row of every table: what "changes nothing" is checked against. */
function snapshot(db: Database): Record<string, unknown[]> {
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all();
  return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
}

const notAnObject = [42, 'text', null, [], true];
/** A real 1×1 PNG: main reads what the bytes are, not only their first four. */
const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP4z8DwHwAFAAIBpdKzowAAAABJRU5ErkJggg==';

/**
 * A well-formed input per call. The malformed ones are derived from it: every
 * field given the wrong type, every required field left out, an unknown field
 * added. A new call in the contract fails the first test below until it is
 * listed here, so no call goes without this check.
 */
const valid: Record<CallName, unknown> = {
  'system.status': undefined,
  'settings.get': undefined,
  'settings.setLanguage': { language: 'fr' },
  'networks.list': undefined,
  'networks.configs': undefined,
  'networks.save': { name: 'Carrier', baseUrl: 'http://127.0.0.1:9/v1', token: 'secret-token', enabled: true, policyOverrides: {} },
  'networks.testConnection': { baseUrl: 'http://127.0.0.1:9/v1', token: 'secret-token' },
  'networks.links': undefined,
  'networks.checkIns': undefined,
  'networks.dismissCheckIn': { id: 1 },
  'store.profile': undefined,
  'store.saveProfile': {
    name: 'Tabacchi Rossi',
    isActive: true,
    timeZone: 'Europe/Rome',
    address: { addressLine1: 'Via Roma 1', city: 'Milano', postalCode: '20121', countryCode: 'IT' },
    capabilities: ['PICK_UP'],
  },
  'driverQr.show': { networkId: 'demo-it' },
  'driverQr.suggestNetwork': undefined,
  'counter.status': undefined,
  'delivery.handOver': { networkId: 'demo-fr' },
  'delivery.get': { deliveryId: 1 },
  'delivery.scan': { deliveryId: 1, trackingId: 'QC0000000001', method: 'scanner' },
  'delivery.refuseDamaged': { deliveryId: 1, trackingId: 'QC0000000001', method: 'keyboard' },
  'delivery.postpone': { deliveryId: 1, confirmed: true },
  'delivery.complete': { deliveryId: 1 },
  'delivery.suggest': { deliveryId: 1, typed: 'QC0' },
  'pickup.start': { code: '123456', method: 'keyboard', networkId: 'demo-fr' },
  'pickup.get': { pickupId: 1 },
  'pickup.scan': { pickupId: 1, trackingId: 'QC0000000001', method: 'scanner' },
  'pickup.resolve': { pickupId: 1, parcelId: 1, resolution: 'refused' },
  'pickup.complete': { pickupId: 1 },
  'pickup.undoFinish': { pickupId: 1 },
  'pickup.suggest': { pickupId: 1, typed: 'QC0' },
  'pickups.liftCodeLock': undefined,
  'expired.get': { noticeId: 1 },
  'expired.scan': { noticeId: 1, trackingId: 'QC0000000001', method: 'scanner' },
  'expired.cannotFind': { noticeId: 1, parcelId: 1, confirmed: true },
  'returns.list': { networkId: 'demo-fr' },
  'returns.handOver': { networkId: 'demo-fr', items: [{ parcelId: 1, scanned: false }] },
  'parcels.locate': { trackingId: 'QC0000000001' },
  'slots.list': undefined,
  'slots.configure': { slots: [{ id: 'A1', size: 'small', capacity: 4 }] },
  'training.driverArrives': { networkId: 'demo-fr', count: 3 },
  'training.customerArrives': { networkId: 'demo-fr' },
  'training.passDays': { days: 1 },
  'scanners.list': undefined,
  'scanners.available': undefined,
  'scanners.add': { config: { kind: 'serial', path: '/dev/ttyACM0', baudRate: 9600, terminator: 'CR' } },
  'scanners.remove': { id: 'serial:/dev/ttyACM0' },
  'scanners.preferences': undefined,
  'scanners.setPreferences': {
    preferences: { feedbackVolume: 50, wedge: { maxIntervalMs: 30, minLength: 4, terminator: 'Enter', prefix: '', suffix: '' } },
  },
  'wedge.keys': { keys: [{ key: 'A', at: 10 }] },
  'inventory.customers': { filter: { search: 'Rossi', states: ['received'] }, offset: 0, limit: 50 },
  'inventory.customer': { customer: 1, filter: { search: '', states: [] } },
  'inventory.exportCsv': { filter: { search: '123456', states: ['received', 'expired'] } },
  'inventory.sync': undefined,
  'hours.get': undefined,
  'hours.save': {
    week: [[{ opens: '09:00', closes: '12:30' }], [], [], [], [], [], []],
    exceptions: [{ date: '2026-12-25', kind: 'holiday', note: 'Christmas', ranges: [] }],
  },
  'hours.today': undefined,
  'hours.markReviewed': undefined,
  'help.requestCallback': { phone: '+39 02 1234 5678', country: 'IT' },
  'help.callbacks': undefined,
  'support.config': undefined,
  'support.setOfficeHours': { officeHours: { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' } },
  'support.addCollaborator': { name: 'Anna', email: 'anna@example.com' },
  'support.removeCollaborator': { id: 1 },
  'support.open': {
    networkId: 'demo-it',
    subject: 'Scanner',
    email: 'shop@example.com',
    product: 'scanner',
    requestType: 'technical',
    impact: 'blocked',
    description: 'It does not read',
  },
  'support.list': { filter: { states: ['open'], email: 'shop' }, sort: { by: 'createdAt', direction: 'desc' }, page: 1, pageSize: 10 },
  'support.get': { caseId: 1 },
  'support.reply': { caseId: 1, body: 'Hello', attachments: [{ fileName: 'a.png', mimeType: 'image/png', base64: ONE_PIXEL_PNG }] },
  'support.edit': { caseId: 1, primaryEmail: 'boss@example.com', cc: ['anna@example.com'], shortDescription: 'Scanner' },
  'support.close': { caseId: 1 },
  'support.exportCsv': { filter: {}, sort: { by: 'number', direction: 'asc' } },
  'support.attachment': { attachmentId: 1 },
  'support.attachDiagnostics': { caseId: 1, body: 'Diagnostics of this counter' },
  'session.current': undefined,
  'session.setUp': { name: 'Giulia', pin: '2468' },
  'session.signIn': { staffId: 'P-1A2B3C4D', pin: '2468' },
  'session.lock': undefined,
  'session.touch': undefined,
  'staff.signInList': undefined,
  'staff.list': undefined,
  'staff.add': { name: 'Marco', role: 'clerk', pin: '13579' },
  'staff.resetPin': { staffId: 'P-1A2B3C4D', pin: '975310' },
  'staff.setRole': { staffId: 'P-1A2B3C4D', role: 'manager' },
  'staff.setActive': { staffId: 'P-1A2B3C4D', active: false },
  'staff.setIdleLock': { minutes: 15 },
  'custody.verify': undefined,
  'custody.alert': undefined,
  'custody.acknowledge': { alertId: 1 },
  'custody.exportCsv': { from: '2026-11-01', to: '2026-11-30' },
  'custody.receipt': { parcelIds: [1, 2] },
  'backups.list': undefined,
  'backups.create': undefined,
  'backups.setFolder': { folder: '/srv/backups' },
  'backups.restore': { name: '2026-11-24T09-00-00-000Z-daily' },
  'kiosk.state': undefined,
  'kiosk.setEnabled': { enabled: true },
  'kiosk.leave': { staffId: 'P-1A2B3C4D', pin: '2468' },
  'kiosk.setTouchScreen': { enabled: true },
  'display.keepAwake': { awake: true },
  ...serviceValidInputs,
  'updates.status': undefined,
  'updates.setChannel': { channel: 'beta' },
  'updates.restartNow': undefined,
  'updates.later': undefined,
  'updates.releaseNotesSeen': undefined,
  'updates.setOpenAtLogin': { openAtLogin: true },
} as Record<CallName, unknown>;

/** Hand-picked values that look plausible but break a rule of the contract. */
const extra: Partial<Record<CallName, unknown[]>> = {
  'settings.setLanguage': [{ language: 'de' }, { language: 'IT' }, { language: 'it; DROP TABLE settings' }],
  'updates.setChannel': [{ channel: 'latest' }, { channel: 'Beta' }, { channel: '../alpha' }],
  'driverQr.show': [{ networkId: '' }, { networkId: '../../etc/passwd' }, { networkId: 'x'.repeat(65) }],
  'delivery.scan': [
    { deliveryId: 0, trackingId: 'QC1', method: 'scanner' },
    { deliveryId: 1.5, trackingId: 'QC1', method: 'scanner' },
    { deliveryId: 1, trackingId: '   ', method: 'scanner' },
    { deliveryId: 1, trackingId: 'QC1', method: 'system' },
  ],
  'delivery.postpone': [{ deliveryId: 1, confirmed: false }],
  'pickup.start': [
    { code: '12345', method: 'keyboard' },
    { code: '1234567', method: 'keyboard' },
    { code: '12345a', method: 'keyboard' },
  ],
  'expired.cannotFind': [{ noticeId: 1, parcelId: 1, confirmed: false }],
  'returns.handOver': [{ networkId: 'demo-fr', items: [] }],
  'slots.configure': [
    { slots: [] },
    { slots: [{ id: 'A 1', size: 'small', capacity: 4 }] },
    { slots: [{ id: 'A1', size: 'huge', capacity: 4 }] },
    { slots: [{ id: 'A1', size: 'small', capacity: 0 }] },
  ],
  'training.driverArrives': [
    { networkId: 'demo-fr', count: 0 },
    { networkId: 'demo-fr', count: 1000 },
  ],
  'training.passDays': [{ days: -1 }, { days: 0.5 }],
  'scanners.add': [
    { config: { kind: 'serial', path: '', baudRate: 9600, terminator: 'CR' } },
    { config: { kind: 'serial', path: '/dev/ttyS0', baudRate: 1234, terminator: 'CR' } },
    { config: { kind: 'hid', vendorId: 0x10000, productId: 1, format: 'pos' } },
    { config: { kind: 'usb', path: '/dev/x' } },
  ],
  'scanners.setPreferences': [
    { preferences: { feedbackVolume: 101, wedge: { maxIntervalMs: 30, minLength: 4, terminator: 'Enter', prefix: '', suffix: '' } } },
    { preferences: { feedbackVolume: 50, wedge: { maxIntervalMs: 5, minLength: 4, terminator: 'Enter', prefix: '', suffix: '' } } },
  ],
  'inventory.customers': [
    { filter: { search: '', states: ['lost'] }, offset: 0, limit: 50 },
    { filter: { search: '', states: [] }, offset: -1, limit: 50 },
    { filter: { search: '', states: [] }, offset: 0, limit: 0 },
    { filter: { search: '', states: [] }, offset: 0, limit: 100_000 },
  ],
  'inventory.customer': [{ customer: 0, filter: { search: '', states: [] } }],
  'hours.save': [
    { week: [[], [], [], [], [], []], exceptions: [] },
    { week: [[{ opens: '9:00', closes: '12:00' }], [], [], [], [], [], []], exceptions: [] },
    { week: [[{ opens: '09:00', closes: '25:00' }], [], [], [], [], [], []], exceptions: [] },
    { week: [[], [], [], [], [], [], []], exceptions: [{ date: '2026-02-30', kind: 'holiday', note: '', ranges: [] }] },
    { week: [[], [], [], [], [], [], []], exceptions: [{ date: '2026-12-25', kind: 'party', note: '', ranges: [] }] },
  ],
  'wedge.keys': [{ keys: [] }, { keys: [{ key: '', at: 1 }] }, { keys: [{ key: 'A', at: -1 }] }],
  'help.requestCallback': [
    { phone: '1', country: 'IT' },
    { phone: '+39 02 1234 5678', country: 'it' },
  ],
  'support.setOfficeHours': [
    { officeHours: { days: [0], from: '09:00', to: '18:00' } },
    { officeHours: { days: [1], from: '9', to: '18:00' } },
    { officeHours: { days: [], from: '09:00', to: '18:00' } },
  ],
  'support.addCollaborator': [
    { name: 'Anna', email: 'not-an-email' },
    { name: '  ', email: 'anna@example.com' },
  ],
  'support.reply': [
    {
      caseId: 1,
      body: 'x',
      attachments: Array.from({ length: 4 }, (_, i) => ({ fileName: `${i}.png`, mimeType: 'image/png', base64: 'iVBORw0KGgo=' })),
    },
    { caseId: 1, body: 'x', attachments: [{ fileName: '../../etc/passwd', mimeType: 'text/plain', base64: 'aGk=' }] },
    { caseId: 1, body: 'x', attachments: [{ fileName: 'a.exe', mimeType: 'application/x-msdownload', base64: 'aGk=' }] },
    { caseId: 1, body: 'x', attachments: [{ fileName: 'a.txt', mimeType: 'text/plain', base64: 'not base64!' }] },
    { caseId: 1, body: 'x', attachments: [{ fileName: 'a.txt', mimeType: 'text/plain', path: '/etc/passwd' }] },
  ],
  'support.edit': [
    { caseId: 1, primaryEmail: 'nope', cc: [], shortDescription: 'x' },
    { caseId: 1, primaryEmail: 'a@example.com', cc: ['nope'], shortDescription: 'x' },
  ],
  'session.setUp': [
    { name: 'Giulia', pin: '123' },
    { name: 'Giulia', pin: '123456789' },
    { name: 'Giulia', pin: '12a4' },
    { name: '   ', pin: '1234' },
  ],
  'staff.add': [
    { name: 'Marco', role: 'owner', pin: '1234' },
    { name: 'Marco', role: 'clerk', pin: '1 234' },
  ],
  'custody.exportCsv': [
    { from: '2026-11-1', to: '2026-11-30' },
    { from: '2026-11-01', to: 'yesterday' },
  ],
  'custody.receipt': [{ parcelIds: [] }, { parcelIds: [0] }],
  'backups.restore': [{ name: '../../etc/passwd' }, { name: '2026-11-24T09-00-00-000Z-daily/../x' }],
  'kiosk.leave': [
    { staffId: '../x', pin: '2468' },
    { staffId: 'P-1A2B3C4D', pin: '123456789' },
  ],
  'staff.setIdleLock': [{ minutes: -1 }, { minutes: 1.5 }, { minutes: 100_000 }],
  'support.list': [
    { filter: { states: ['lost'] }, sort: { by: 'createdAt', direction: 'desc' }, page: 1, pageSize: 10 },
    { filter: {}, sort: { by: 'createdAt', direction: 'desc' }, page: 1, pageSize: 1000 },
  ],
};

function wrongType(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return 42;
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return 'list';
  return 7;
}

function malformedFor(name: CallName): unknown[] {
  const good = valid[name];
  if (good === undefined) return [42, 'x', {}, null, []];
  const record = good as Record<string, unknown>;
  const mutations: unknown[] = [undefined, ...notAnObject, { ...record, unexpected: true }];
  for (const key of Object.keys(record)) {
    mutations.push({ ...record, [key]: wrongType(record[key]) });
    const { [key]: _dropped, ...without } = record;
    if (!calls[name].input.safeParse(without).success) mutations.push(without);
  }
  return [...mutations, ...(extra[name] ?? [])];
}

describe('router input validation', () => {
  it('has a well-formed input for every call in the contract, which the schema accepts', () => {
    expect(Object.keys(valid).sort()).toEqual([...CALL_NAMES].sort());
    for (const name of CALL_NAMES) expect(calls[name].input.safeParse(valid[name]).success, name).toBe(true);
  });

  it.each(CALL_NAMES)('%s: rejects each malformed input with BAD_INPUT and changes nothing', async (name) => {
    const { core, router } = setup();
    const before = snapshot(core.db);
    for (const input of malformedFor(name)) {
      expect(calls[name].input.safeParse(input).success, `case ${JSON.stringify(input)} must be invalid`).toBe(false);
      const answer = await router.dispatch(name, input);
      expect(answer, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      if (!answer.ok) expect(answer.error.message.length).toBeGreaterThan(0);
    }
    expect(snapshot(core.db)).toEqual(before);
  });

  it.each(CALL_NAMES)('%s: lets a well-formed input through validation', async (name) => {
    const { router } = setup();
    const answer = await router.dispatch(name, valid[name]);
    // Ids in `valid` may not exist in a fresh database: NOT_FOUND or CONFLICT is fine, BAD_INPUT is not.
    if (!answer.ok) expect(['NOT_FOUND', 'CONFLICT']).toContain(answer.error.code);
  });

  it('refuses unknown and inherited call names', async () => {
    const { core, router } = setup();
    const before = snapshot(core.db);
    for (const name of ['nope', 'constructor', '__proto__', 'toString', 42, null, undefined]) {
      expect(await router.dispatch(name, undefined)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    }
    expect(snapshot(core.db)).toEqual(before);
  });
});

describe('router errors and outputs', () => {
  const base = (): Handlers => {
    const { core } = setup();
    return testHandlers(core);
  };

  it("passes a core error's code through and hides an unexpected error's details", async () => {
    const handlers = base();
    const notFound = createRouter({
      ...handlers,
      'networks.list': () => {
        throw new CoreError('NOT_FOUND', 'gone');
      },
    });
    expect(await notFound.dispatch('networks.list', undefined)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } });
    const logged: string[] = [];
    const crashing = createRouter(
      {
        ...handlers,
        'networks.list': () => {
          throw new Error('SQLITE secret path /home/x');
        },
      },
      { log: (m) => logged.push(m) },
    );
    const answer = await crashing.dispatch('networks.list', undefined);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(answer)).not.toContain('secret');
    expect(logged).toContain('call networks.list failed');
  });

  it('names the refused fields of a bad input, so a form can mark them', async () => {
    const { router } = setup();
    const answer = await router.dispatch('store.saveProfile', {
      ...(valid['store.saveProfile'] as object),
      name: '',
      address: { addressLine1: 'Via Roma 1', city: 'Milano', postalCode: '20121', countryCode: 'italy', floor: 2 },
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', fields: ['name', 'address.countryCode', 'address.floor'] } });
  });

  it('gives each refused field a reason code and its bound, never zod text', async () => {
    const { router } = setup();
    const answer = await router.dispatch('store.saveProfile', {
      ...(valid['store.saveProfile'] as object),
      name: '   ',
      address: { addressLine1: 'x'.repeat(181), city: 'Milano', postalCode: '20121', countryCode: 'IT' },
      capabilities: [],
    });
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'BAD_INPUT',
        issues: [
          { field: 'name', reason: 'required' },
          { field: 'address.addressLine1', reason: 'tooLong', params: { max: 180 } },
          { field: 'capabilities', reason: 'tooFew', params: { min: 1 } },
        ],
      },
    });
    const issues = (answer as { error: { issues: { reason: string }[] } }).error.issues;
    expect(JSON.stringify(issues)).not.toMatch(/✖|Too |expected/);
  });

  it('an unknown network is NOT_FOUND', async () => {
    const { router } = setup();
    expect(await router.dispatch('driverQr.show', { networkId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('strips fields the contract does not name, so a secret cannot leak by accident', async () => {
    const handlers = base();
    const leaky = createRouter({
      ...handlers,
      'networks.list': () => [
        { id: 'n1', name: 'N', enabled: true, deliveryScannedBy: 'store', retentionDays: 7, secret: 'do-not-send' } as never,
      ],
    });
    const answer = await leaky.dispatch('networks.list', undefined);
    expect(JSON.stringify(answer)).not.toContain('do-not-send');
  });

  it('lets a guard refuse a call before it runs', async () => {
    const { core } = setup();
    const router = createRouter(testHandlers(core), {
      guard: (name) => (name === 'settings.setLanguage' ? { code: 'BLOCKED', message: 'Finish the intake first' } : undefined),
    });
    expect(await router.dispatch('settings.setLanguage', { language: 'it' })).toEqual({
      ok: false,
      error: { code: 'BLOCKED', message: 'Finish the intake first' },
    });
    expect(core.settings.get('ui.language')).toBeUndefined();
    expect(await router.dispatch('networks.list', undefined)).toMatchObject({ ok: true });
  });

  it('remembers the language across a restart', async () => {
    const dir = tempDir();
    const first = openTestCore(dir);
    await createRouter(testHandlers(first.core)).dispatch('settings.setLanguage', { language: 'it' });
    first.core.close();
    const second = openTestCore(dir);
    opened.push(second.core);
    expect(await createRouter(testHandlers(second.core)).dispatch('settings.get', undefined)).toEqual({
      ok: true,
      value: { language: 'it' },
    });
  });
});

describe('router refusals stay small', () => {
  it('truncates an offending key or value in a BAD_INPUT answer', async () => {
    const { core, router } = setup();
    const before = snapshot(core.db);
    const hugeKey = 'k'.repeat(100_000);
    const manyKeys = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`key${i}`, i]));
    const attacks: [CallName, unknown][] = [
      ['settings.setLanguage', { language: 'fr', [hugeKey]: 1 }],
      ['settings.setLanguage', { language: 'x'.repeat(100_000) }],
      ['settings.setLanguage', { language: 'fr', ...manyKeys }],
      ['store.saveProfile', { ...(valid['store.saveProfile'] as object), address: { [hugeKey]: hugeKey } }],
    ];
    for (const [name, input] of attacks) {
      const answer = await router.dispatch(name, input);
      expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      expect(JSON.stringify(answer).length, name).toBeLessThan(6_000);
    }
    expect(snapshot(core.db)).toEqual(before);
    // The field named is still recognisable, so a form can mark it.
    const answer = await router.dispatch('settings.setLanguage', { language: 'fr', [hugeKey]: 1 });
    expect(!answer.ok && answer.error.fields?.[0]).toMatch(/^kkkk.*…$/);
  });
});
