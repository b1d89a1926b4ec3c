/**
 * At most one background run per network: the app's network work (sync,
 * support, outbox) never waits inside the scheduler, and a network that
 * hangs holds up only its own next run. `settled` is told when a run ends
 * (the scheduler looks again then).
 */
export class NetworkRuns {
  private readonly busy = new Set<string>();

  constructor(private readonly settled: (networkId: string) => void) {}

  isBusy(networkId: string): boolean {
    return this.busy.has(networkId);
  }

  /** Starts `work` unless a run of this network is going; false when it was. `failed` gets what the work threw. */
  start(networkId: string, work: () => Promise<void>, failed: (error: unknown) => void): boolean {
    if (this.busy.has(networkId)) return false;
    this.busy.add(networkId);
    void work()
      .catch(failed)
      .finally(() => {
        this.busy.delete(networkId);
        this.settled(networkId);
      });
    return true;
  }
}
