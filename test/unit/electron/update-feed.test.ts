import { createHash } from 'node:crypto';
import { request, createServer, type IncomingMessage, type RequestOptions, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpExecutor } from 'builder-util-runtime';
import { GenericProvider } from 'electron-updater/out/providers/GenericProvider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideUpdate, rolloutBucket } from '../../../main/core/updates/update-policy';

/**
 * electron-updater's own generic provider reading a feed served on 127.0.0.1, without its autoUpdater (which
 * needs Electron, as does its own ElectronHttpExecutor: this one is plain Node http): the provider fetches latest.yml, parses it and resolves the artifact's URL and sha512.
 */
class NodeHttpExecutor extends HttpExecutor<ReturnType<typeof request>> {
  createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void) {
    return request(options, callback);
  }
}

const artifact = Buffer.from('not really an installer, but bytes with a known digest\n');
const sha512 = createHash('sha512').update(artifact).digest('base64');
const latestYml = `version: 1.2.0
files:
  - url: OpenCounter-Setup-1.2.0.exe
    sha512: ${sha512}
    size: ${artifact.length}
path: OpenCounter-Setup-1.2.0.exe
sha512: ${sha512}
releaseDate: '2026-12-01T18:00:00.000Z'
stagingPercentage: 30
`;

let server: Server;
let baseUrl: string;
const requested: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requested.push(req.url ?? '');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/feed/latest.yml') res.end(latestYml);
    else if (path === '/feed/OpenCounter-Setup-1.2.0.exe') res.end(artifact);
    else res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed/`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

function provider(url = baseUrl) {
  const updater = { channel: null, isAddNoCacheQuery: false } as never;
  return new GenericProvider({ provider: 'generic', url }, updater, {
    isUseMultipleRangeRequest: false,
    platform: 'win32',
    executor: new NodeHttpExecutor() as never,
  });
}

describe('update feed over HTTP', () => {
  it("is read by electron-updater's generic provider: version, files, sha512 and rollout", async () => {
    const info = await provider().getLatestVersion();
    expect(requested.some((url) => url.startsWith('/feed/latest.yml'))).toBe(true);
    expect(info.version).toBe('1.2.0');
    expect(info.stagingPercentage).toBe(30);
    expect(info.files).toEqual([{ url: 'OpenCounter-Setup-1.2.0.exe', sha512, size: artifact.length }]);

    const [file] = provider().resolveFiles(info);
    expect(file!.url.href).toBe(`${baseUrl}OpenCounter-Setup-1.2.0.exe`);
    const downloaded = Buffer.from(await (await fetch(file!.url)).arrayBuffer());
    expect(createHash('sha512').update(downloaded).digest('base64')).toBe(file!.info.sha512);
  });

  it('feeds the policy: a store outside the 30% rollout waits, one inside installs in a quiet shop', async () => {
    const info = await provider().getLatestVersion();
    const stores = ['store-a', 'store-b', 'store-c', 'store-d', 'store-e', 'store-f', 'store-g', 'store-h'];
    const quiet = {
      updateDownloaded: true,
      openFlow: false,
      runningDeadline: false,
      insideOpeningHours: false,
      staffChoice: 'none' as const,
    };
    for (const id of stores) {
      const bucket = rolloutBucket(id);
      expect(decideUpdate({ ...quiet, rolloutPercent: info.stagingPercentage!, storeBucket: bucket }).action).toBe(
        bucket < 30 ? 'install' : 'wait',
      );
    }
  });

  it('refuses a feed whose latest.yml is missing', async () => {
    // A feed of its own: the tests above keep theirs, whatever order they run in.
    const empty = createServer((_req, res) => res.writeHead(404).end());
    await new Promise<void>((done) => empty.listen(0, '127.0.0.1', done));
    try {
      await expect(provider(`http://127.0.0.1:${(empty.address() as AddressInfo).port}/feed/`).getLatestVersion()).rejects.toThrow(
        /latest\.yml/,
      );
    } finally {
      await new Promise<void>((done) => empty.close(() => done()));
    }
  });
});
