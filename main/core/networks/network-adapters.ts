import { NetworkHttpClient, type HttpClientOptions } from './http/http-client';
import { HttpNetwork, type CursorStore } from './http/http-network';
import { problemOf } from './http/network-error';
import type { NetworkAdapter, NetworkIdentity } from './network-adapter';
import type { Network, NetworkRepository } from './network-repository';
import type { NetworkStatusBoard } from './network-status';

/** Timeouts and retries of the HTTP client, tuned in tests; the URL and token come from each network's settings. */
export type HttpTuning = Omit<HttpClientOptions, 'baseUrl' | 'token'>;

/**
 * The adapter of each network: the embedded demo, or an HTTP network built
 * from the network's URL and token (rebuilt when the staff change them).
 * Every call through it reports to the status board.
 */
export class NetworkAdapters {
  private readonly http = new Map<string, { key: string; adapter: HttpNetwork }>();

  constructor(
    /** The embedded demo network, shared by the demo networks (tests may swap it). */
    public demo: NetworkAdapter,
    private readonly networks: NetworkRepository,
    private readonly storeId: string,
    private readonly cursors: CursorStore,
    private readonly board: NetworkStatusBoard,
    private readonly tuning: HttpTuning = {},
  ) {}

  /** The network's adapter, or undefined when it cannot be reached at all (an HTTP network without URL or token). */
  for(network: Network): NetworkAdapter | undefined {
    const adapter = network.adapter === 'demo' ? this.demo : network.adapter === 'http' ? this.httpFor(network) : undefined;
    return adapter && tracked(adapter, this.board);
  }

  byId(networkId: string): NetworkAdapter | undefined {
    return this.for(this.networks.get(networkId));
  }

  /** "Test connection" with values that may not be saved yet; a token left out uses the stored one. */
  async probe(settings: { baseUrl: string; token: string }): Promise<NetworkIdentity> {
    const client = new NetworkHttpClient({ ...this.tuning, retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 }, ...settings });
    return new HttpNetwork(client, this.storeId, this.cursors).identify();
  }

  private httpFor(network: Network): HttpNetwork | undefined {
    const token = this.networks.tokenOf(network.id);
    if (!network.baseUrl || !token) return undefined;
    const key = `${network.baseUrl}\n${token}`;
    const cached = this.http.get(network.id);
    if (cached?.key === key) return cached.adapter;
    const adapter = new HttpNetwork(new NetworkHttpClient({ ...this.tuning, baseUrl: network.baseUrl, token }), this.storeId, this.cursors);
    this.http.set(network.id, { key, adapter });
    return adapter;
  }
}

/** The same adapter, reporting each call's outcome to the board (online, or offline with the problem). */
function tracked(adapter: NetworkAdapter, board: NetworkStatusBoard): NetworkAdapter {
  const track =
    <A extends unknown[], R>(call: (networkId: string, ...args: A) => Promise<R>) =>
    async (networkId: string, ...args: A): Promise<R> => {
      try {
        const result = await call.call(adapter, networkId, ...args);
        board.succeeded(networkId);
        return result;
      } catch (error) {
        // A refusal is an answer: the link works, the content did not (the outbox parks it).
        if (problemOf(error) === 'rejected') board.succeeded(networkId);
        else board.failed(networkId, error);
        throw error;
      }
    };
  return {
    pullManifest: track(adapter.pullManifest),
    pushEvents: track(adapter.pushEvents),
    ...(adapter.pushSupport && { pushSupport: track(adapter.pushSupport) }),
    ...(adapter.pullSupport && { pullSupport: track(adapter.pullSupport) }),
    ...(adapter.nextSupportUpdateAt && { nextSupportUpdateAt: adapter.nextSupportUpdateAt.bind(adapter) }),
    ...(adapter.pullDriverCheckIns && { pullDriverCheckIns: track(adapter.pullDriverCheckIns) }),
    ...(adapter.identify && { identify: track(adapter.identify) }),
  };
}
