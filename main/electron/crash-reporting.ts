import type { App, CrashReporter } from 'electron';
import { join } from 'node:path';
import { logDirOf } from '../app/logging';

export interface CrashReportingDeps {
  app: Pick<App, 'getPath' | 'setPath'>;
  crashReporter: Pick<CrashReporter, 'start'>;
  /** Where uncaught errors of the main process surface (Node's `process`). */
  processEvents: { on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown };
  log: (message: string, error?: unknown) => void;
}

/** Where Electron writes crash dumps: next to the log, so "Export diagnostics" and IT find both in one folder. */
export function crashDumpDir(userData: string): string {
  return join(logDirOf(userData), 'crashes');
}

/**
 * Crashes stay on the counter PC: native crash dumps go to the log folder and are never uploaded, and an
 * error nothing caught in the main process is written to the log instead of a dialog the clerk cannot act on.
 */
export function reportCrashesLocally(deps: CrashReportingDeps): void {
  deps.app.setPath('crashDumps', crashDumpDir(deps.app.getPath('userData')));
  deps.crashReporter.start({ uploadToServer: false, compress: true });
  deps.processEvents.on('uncaughtException', (error) => deps.log('uncaught exception in the main process', error));
  deps.processEvents.on('unhandledRejection', (reason) => deps.log('unhandled promise rejection in the main process', reason));
}
