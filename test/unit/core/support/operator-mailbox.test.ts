import { describe, expect, it } from 'vitest';
import type { CounterCore } from '../../../../main/core/counter-core';
import type { NetworkAdapter, OutboundSupportItem, SupportUpdate } from '../../../../main/core/networks/network-adapter';
import { HOUR } from '../../../fixtures/counter';
import { openTestCore, TEST_START } from '../../../fixtures/core';
import { supportTicket } from '../../../fixtures/support-ticket';
import { useTempDir } from '../../../fixtures/temp-dir';

const tempDir = useTempDir();

/** A network's support desk that takes everything pushed to it and hands out the updates given to `updates`, once. */
function recordingDesk(): { adapter: NetworkAdapter; pushed: OutboundSupportItem[][]; pulls: number[]; updates: SupportUpdate[] } {
  const pushed: OutboundSupportItem[][] = [];
  const pulls: number[] = [];
  const updates: SupportUpdate[] = [];
  const adapter: NetworkAdapter = {
    pullManifest: async () => ({ items: [], cursor: '' }),
    pushEvents: async () => {},
    pushSupport: async (_networkId, items) => void pushed.push([...items]),
    pullSupport: async (_networkId, now) => {
      pulls.push(now);
      return updates.splice(0);
    },
  };
  return { adapter, pushed, pulls, updates };
}

const rows = (core: CounterCore, text: string) => core.db.prepare(text).all();

describe('what waits for the network', () => {
  it('counts the unsent cases, replies, closings and call-back requests of that network only, not the text a case was opened with', () => {
    const { core } = openTestCore(tempDir());
    expect(core.support.pending('demo-it')).toBe(0);
    const c = core.support.open(supportTicket());
    expect(core.support.pending('demo-it')).toBe(1);
    core.support.reply(c.id, 'One more thing');
    expect(core.support.pending('demo-it')).toBe(2);
    core.support.close(c.id);
    expect(core.support.pending('demo-it')).toBe(3);
    core.support.requestCallback('02 1234 5678', 'IT', 'demo-it');
    expect(core.support.pending('demo-it')).toBe(4);
    core.support.open(supportTicket({ networkId: 'demo-fr' }));
    core.support.requestCallback('02 1234 5678', 'IT', 'demo-fr');
    expect(core.support.pending('demo-it')).toBe(4);
    expect(core.support.pending('demo-fr')).toBe(2);
    core.close();
  });

  it('does not count what the operator wrote', () => {
    const { core } = openTestCore(tempDir());
    const c = core.support.open(supportTicket());
    core.db.prepare('UPDATE support_cases SET sent_at = 1').run();
    core.db.prepare('UPDATE support_messages SET sent_at = 1').run();
    core.db
      .prepare("INSERT INTO support_messages (case_id, author, kind, body, created_at) VALUES (?, 'operator', 'message', 'Hello', 1)")
      .run(c.id);
    expect(core.support.pending('demo-it')).toBe(0);
    core.close();
  });
});

describe('sending to the network', () => {
  it('sends the cases, then the replies with their files, the closings, then the call-back requests, each as the network reads it', async () => {
    const { core, clock } = openTestCore(tempDir());
    const desk = recordingDesk();
    const first = core.support.open(supportTicket());
    core.support.close(first.id);
    clock.advance(HOUR);
    const followUp = core.support.open(supportTicket({ followUpOf: first.id, subject: 'Scanner again' }));
    core.support.replyWithGeneratedFile(followUp.id, 'Diagnostics attached', {
      fileName: 'diagnostics.zip',
      mimeType: 'application/zip',
      bytes: Buffer.from('PK zip'),
    });
    const callback = core.support.requestCallback('02 1234 5678', 'IT', 'demo-it');
    const replyId = core.support.messages(followUp.id).at(-1)!.id;
    const sentAt = TEST_START + 2 * HOUR;
    clock.advance(HOUR);

    expect(await core.support.sync('demo-it', desk.adapter)).toEqual({ sent: 5, applied: 0 });
    const description = 'Lo scanner non legge. Mario Rossi, mario@example.com';
    const caseItem = {
      kind: 'case',
      requestType: 'technical',
      impact: 'blocked',
      product: 'scanner',
      description,
      primaryEmail: 'negozio@example.com',
    };
    expect(desk.pushed).toEqual([
      [
        { ...caseItem, caseRef: 'CS-000001', at: TEST_START, subject: 'Scanner', followUpOf: null },
        { ...caseItem, caseRef: 'CS-000002', at: TEST_START + HOUR, subject: 'Scanner again', followUpOf: 'CS-000001' },
        { kind: 'closed', caseRef: 'CS-000001', at: TEST_START, reason: 'shop' },
        {
          kind: 'message',
          caseRef: 'CS-000002',
          messageRef: String(replyId),
          at: TEST_START + HOUR,
          body: 'Diagnostics attached',
          attachments: [{ fileName: 'diagnostics.zip', mimeType: 'application/zip', sizeBytes: 6 }],
        },
        { kind: 'callback', callbackRef: String(callback.id), at: TEST_START + HOUR, phone: '+390212345678' },
      ],
    ]);
    expect(rows(core, 'SELECT id, sent_at FROM support_cases')).toEqual([
      { id: 1, sent_at: sentAt },
      { id: 2, sent_at: sentAt },
    ]);
    expect(rows(core, 'SELECT DISTINCT sent_at FROM support_messages')).toEqual([{ sent_at: sentAt }]);
    expect(rows(core, 'SELECT sent_at FROM support_callbacks')).toEqual([{ sent_at: sentAt }]);
    expect(core.support.pending('demo-it')).toBe(0);

    // Sent once: the next sync has nothing to push and does not call the network's push at all.
    expect(await core.support.sync('demo-it', desk.adapter)).toEqual({ sent: 0, applied: 0 });
    expect(desk.pushed).toHaveLength(1);
    core.close();
  });

  it("tells the network a case closed for want of a reply as 'no-reply'", async () => {
    const { core, clock } = openTestCore(tempDir());
    const desk = recordingDesk();
    const c = core.support.open(supportTicket());
    await core.support.sync('demo-it', desk.adapter);
    core.support.apply({ id: 'u-1', caseRef: c.number, kind: 'answered', body: 'Restart it', at: 0 });
    clock.advance(7 * 24 * HOUR);
    expect(core.support.sweepAutoClose()).toBe(1);
    await core.support.sync('demo-it', desk.adapter);
    expect(desk.pushed.at(-1)).toEqual([{ kind: 'closed', caseRef: c.number, at: TEST_START + 7 * 24 * HOUR, reason: 'no-reply' }]);
    core.close();
  });

  it("sends only that network's mail, and asks the network for its updates at the clock time", async () => {
    const { core, clock } = openTestCore(tempDir());
    const desk = recordingDesk();
    core.support.open(supportTicket({ networkId: 'demo-fr' }));
    core.support.requestCallback('02 1234 5678', 'IT', 'demo-fr');
    clock.advance(HOUR);
    expect(await core.support.sync('demo-it', desk.adapter)).toEqual({ sent: 0, applied: 0 });
    expect(desk.pushed).toEqual([]);
    expect(desk.pulls).toEqual([TEST_START + HOUR]);
    expect(core.support.pending('demo-fr')).toBe(2);
    core.close();
  });

  it('leaves everything queued, and asks nothing, with a network that cannot both send and receive support mail', async () => {
    const { core } = openTestCore(tempDir());
    core.support.open(supportTicket());
    const desk = recordingDesk();
    const { pushSupport, pullSupport, ...withoutSupport } = desk.adapter;
    for (const adapter of [withoutSupport, { ...withoutSupport, pushSupport }, { ...withoutSupport, pullSupport }]) {
      expect(await core.support.sync('demo-it', adapter)).toEqual({ sent: 0, applied: 0 });
    }
    expect([desk.pushed, desk.pulls]).toEqual([[], []]);
    expect(core.support.pending('demo-it')).toBe(1);
    core.close();
  });

  it("applies the operator's updates after sending and counts those that changed a case", async () => {
    const { core } = openTestCore(tempDir());
    const desk = recordingDesk();
    const c = core.support.open(supportTicket());
    desk.updates.push(
      { id: 'u-1', caseRef: c.number, kind: 'taken', at: 0 },
      { id: 'u-1', caseRef: c.number, kind: 'taken', at: 0 },
      { id: 'u-2', caseRef: c.number, kind: 'answered', body: 'Restart it', at: 0 },
    );
    expect(await core.support.sync('demo-it', desk.adapter)).toEqual({ sent: 1, applied: 2 });
    expect(core.support.get(c.id).state).toBe('answered');
    core.close();
  });
});

describe("an operator's update", () => {
  it('moves the case as the table allows and is kept as a message or an event of the case, sent, at the clock time', () => {
    const { core, clock } = openTestCore(tempDir());
    const c = core.support.open(supportTicket());
    clock.advance(HOUR);
    const at = TEST_START + HOUR;
    const steps: [SupportUpdate, string][] = [
      [{ id: 'u-1', caseRef: c.number, kind: 'taken', at: 0 }, 'in_progress'],
      [{ id: 'u-2', caseRef: c.number, kind: 'transferred', body: 'To the hardware team', at: 0 }, 'transferred'],
      [{ id: 'u-3', caseRef: c.number, kind: 'answered', body: 'Restart it', at: 0 }, 'answered'],
      [{ id: 'u-4', caseRef: c.number, kind: 'closed', at: 0 }, 'closed'],
      [{ id: 'u-5', caseRef: c.number, kind: 'reopened', at: 0 }, 'reopened'],
    ];
    for (const [update, state] of steps) {
      expect(core.support.apply(update)).toBe(true);
      expect(core.support.get(c.id).state).toBe(state);
    }
    expect(
      rows(core, "SELECT author, kind, body, created_at, sent_at, remote_id FROM support_messages WHERE author = 'operator' ORDER BY id"),
    ).toEqual([
      { author: 'operator', kind: 'taken', body: '', created_at: at, sent_at: at, remote_id: 'u-1' },
      { author: 'operator', kind: 'transferred', body: 'To the hardware team', created_at: at, sent_at: at, remote_id: 'u-2' },
      { author: 'operator', kind: 'message', body: 'Restart it', created_at: at, sent_at: at, remote_id: 'u-3' },
      { author: 'operator', kind: 'closed', body: '', created_at: at, sent_at: at, remote_id: 'u-4' },
      { author: 'operator', kind: 'reopened', body: '', created_at: at, sent_at: at, remote_id: 'u-5' },
    ]);
    core.close();
  });

  it('changes nothing when it names no case of this shop, is a replay, or is a move the table refuses', () => {
    const { core } = openTestCore(tempDir());
    const c = core.support.open(supportTicket());
    const before = () => [core.support.get(c.id), core.support.messages(c.id)];
    const untouched = before();
    for (const update of [
      { id: 'u-1', caseRef: 'case 1', kind: 'taken' },
      { id: 'u-1', caseRef: 'CS-000099', kind: 'taken' },
      { id: 'u-1', caseRef: c.number, kind: 'reopened' },
    ] as const) {
      expect(core.support.apply({ ...update, at: 0 })).toBe(false);
      expect(before()).toEqual(untouched);
    }
    expect(core.support.apply({ id: 'u-1', caseRef: c.number, kind: 'taken', at: 0 })).toBe(true);
    const taken = before();
    expect(core.support.apply({ id: 'u-1', caseRef: c.number, kind: 'answered', body: 'Replayed id', at: 0 })).toBe(false);
    expect(before()).toEqual(taken);
    core.close();
  });
});
