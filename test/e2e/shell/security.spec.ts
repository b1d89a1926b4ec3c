import { expect, test } from '../fixtures';
import { openApiSocket, UpgradeRefused } from '../host';

test.describe('browser host boundaries', () => {
  test('a WebSocket from a foreign Origin is refused with 403', async ({ host }) => {
    const refusal = await openApiSocket(host.origin, 'http://evil.example').then(
      (socket) => {
        socket.close();
        return undefined;
      },
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(UpgradeRefused);
    expect((refusal as UpgradeRefused).status).toBe(403);

    // Same-origin lookalikes are refused too.
    for (const origin of [`http://127.0.0.1:${host.port + 1}`, `https://127.0.0.1:${host.port}`, 'null']) {
      await expect(openApiSocket(host.origin, origin)).rejects.toMatchObject({ status: 403 });
    }

    // Control: the page's own origin is accepted, so the refusal above is about the Origin.
    const socket = await openApiSocket(host.origin, host.origin);
    socket.close();
    const localhostSocket = await openApiSocket(host.origin, `http://localhost:${host.port}`);
    localhostSocket.close();
  });

  test('the page carries the Content-Security-Policy in a meta tag and works under it without violations', async ({ page, host }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(host.url);
    const meta = page.locator('meta[http-equiv="Content-Security-Policy"]');
    await expect(meta).toHaveAttribute('content', /script-src 'self'/);
    await page.getByRole('link', { name: /^Driver delivery/ }).click();
    await expect(page.getByTestId('driver-code')).toHaveText(/^\d{3} \d{3}$/);
    expect(violations).toEqual([]);
  });

  test('/test/* endpoints answer 404 without --test-hooks', async ({ host, launchHost }) => {
    // Control: with the flag they exist.
    expect((await fetch(`${host.origin}/test/health`)).status).toBe(200);

    const plain = await launchHost({ testHooks: false });
    expect(plain.output()).not.toContain('Test hooks are ON');
    const page = await fetch(plain.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app">');

    const health = await fetch(`${plain.origin}/test/health`);
    expect(health.status).toBe(404);
    const clock = await fetch(`${plain.origin}/test/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ advanceMs: 90_000 }),
    });
    expect(clock.status).toBe(404);
    const scan = await fetch(`${plain.origin}/test/scan`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: 'IT0123456789', source: 'wedge' }),
    });
    expect(scan.status).toBe(404);

    // And the status the renderer reads says test hooks are off.
    expect(await plain.call('system.status')).toMatchObject({ state: 'ready', testHooks: false });
  });
});
