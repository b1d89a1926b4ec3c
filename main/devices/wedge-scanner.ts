import { systemTimers, type Timers } from './backoff';
import { DeviceEmitter } from './device-emitter';
import { createWedgeDetector, type WedgeDetectorOptions, type WedgeKeyEvent, type WedgeVerdict } from './keyboard-wedge';
import type { ScannerDevice } from './scanner-device';

export interface WedgeScannerOptions extends Omit<WedgeDetectorOptions, 'onScan' | 'deviceId'> {
  /** Default 'wedge'. */
  id?: string;
  /**
   * Held keys that turned out to be typing, released by the idle timer (keys
   * released by `feed` come back in its verdict instead). Deliver them as
   * typing, in order.
   */
  onRelease?(keys: WedgeKeyEvent[]): void;
  /** A fast burst without its terminator was discarded (for a log line). */
  onDropped?(text: string): void;
  /** The same clock as the events' `at` (e.g. performance.now). Default performance.now. */
  now?: () => number;
  timers?: Timers;
}

export interface WedgeScanner extends ScannerDevice {
  /** Feed a key-down; see keyboard-wedge.ts for what to do with the verdict. */
  feed(event: WedgeKeyEvent): WedgeVerdict;
  /** Release everything held now (e.g. focus left the window); the keys go to `onRelease`. */
  flush(): void;
}

/**
 * The keyboard wedge as a `ScannerDevice`: the pure detector plus the idle
 * timer that releases a person's last typed keys (or completes a
 * terminator-less scan). Always 'connected': a wedge is just the keyboard.
 */
export function createWedgeScanner(options: WedgeScannerOptions = {}): WedgeScanner {
  const id = options.id ?? 'wedge';
  const timers = options.timers ?? systemTimers;
  const now = options.now ?? (() => performance.now());
  const emitter = new DeviceEmitter(id, { state: 'connected' });
  const detector = createWedgeDetector({ ...options, deviceId: id, onScan: (scan) => emitter.emitScan(scan) });
  let timer: unknown;
  let closed = false;

  const report = (release: WedgeKeyEvent[], dropped: string | undefined) => {
    if (release.length > 0) options.onRelease?.(release);
    if (dropped !== undefined) options.onDropped?.(dropped);
  };

  const arm = () => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
    const deadline = detector.nextDeadline();
    if (deadline === undefined || closed) return;
    timer = timers.setTimeout(
      () => {
        timer = undefined;
        const resolution = detector.poll(now());
        report(resolution.release, resolution.dropped);
        arm();
      },
      Math.max(0, deadline - now()),
    );
  };

  return {
    id,
    kind: 'wedge',
    get status() {
      return emitter.status;
    },
    onScan: (listener) => emitter.onScan(listener),
    onStatus: (listener) => emitter.onStatus(listener),
    feed(event) {
      const verdict = closed ? { swallow: false, release: detector.flush().release } : detector.feed(event);
      if (verdict.dropped !== undefined) options.onDropped?.(verdict.dropped);
      arm();
      return verdict;
    },
    flush() {
      const resolution = detector.flush();
      report(resolution.release, resolution.dropped);
      arm();
    },
    async close() {
      if (closed) return;
      closed = true;
      const resolution = detector.flush();
      report(resolution.release, resolution.dropped);
      arm();
      emitter.setStatus({ state: 'disconnected', reason: 'closed', problem: 'closed' });
      emitter.clear();
    },
  };
}
