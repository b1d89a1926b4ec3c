import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { createStream } from 'rotating-file-stream';

/** Fields that carry personal data or secrets, at the top of a log object or one level down. */
const PERSONAL_KEYS = [
  'pickupCode',
  'code',
  'token',
  'accessToken',
  'refreshToken',
  'authorization',
  'password',
  'pin',
  'secret',
  'customerName',
  'customer',
  'name',
  'firstName',
  'lastName',
  'email',
  'phone',
  'phoneNumber',
  'address',
];
const REDACT_PATHS = PERSONAL_KEYS.flatMap((key) => [key, `*.${key}`]);

/** What slips into free text: bearer tokens, e-mail addresses, phone numbers and 6-digit pickup codes. */
const SCRUBS: [RegExp, string][] = [
  [/\bBearer\s+[\w.~+/=-]+/gi, 'Bearer [redacted]'],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[email]'],
  [/\+\d{1,3}(?:[ .]?\d){6,12}\b/g, '[phone]'],
  [/\b0\d(?:[ .]?\d{2}){4}\b/g, '[phone]'],
  [/\b3\d{2}[ .]?\d{3}[ .]?\d{3,4}\b/g, '[phone]'],
  [/\b\d{6}\b/g, '[code]'],
];

export function scrubPersonalData(text: string): string {
  return SCRUBS.reduce((scrubbed, [pattern, replacement]) => scrubbed.replace(pattern, replacement), text);
}

export const LOG_FILE = 'counter.log';

/** The log folder inside the data folder: the log files, and Electron's crash dumps in crashes/. */
export function logDirOf(dataDir: string): string {
  return join(dataDir, 'logs');
}
/** The log file and the 4 before it: 5 files of at most this size. */
const KEPT_ROTATIONS = 4;

export interface CounterLog {
  /** The `log` startCounterApp and the Electron process take: an error makes it an error line. */
  log: (message: string, error?: unknown) => void;
  logger: Logger;
  /** Flushes and closes the file. */
  close(): Promise<void>;
}

/** JSON lines in `<dataDir>/logs/counter.log`, rotated by size, with personal data redacted or scrubbed. */
export function openCounterLog(dataDir: string, options: { maxBytes?: number; level?: string } = {}): CounterLog {
  const stream = createStream(LOG_FILE, {
    path: logDirOf(dataDir),
    size: `${Math.max(1, Math.ceil((options.maxBytes ?? 5 * 1024 * 1024) / 1024))}K`,
    rotate: KEPT_ROTATIONS,
  });
  const logger = pino(
    {
      level: options.level ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: (error: unknown) => serializeError(error) },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrubPersonalData(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    stream,
  );
  return {
    logger,
    log: (message, error) => (error === undefined ? logger.info(message) : logger.error({ err: error }, message)),
    close: () => new Promise<void>((done) => (stream.once('finish', () => done()), stream.end())),
  };
}

function serializeError(error: unknown): { type: string; message: string; stack?: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: scrubPersonalData(String(error)) };
  return { type: error.name, message: scrubPersonalData(error.message), ...(error.stack ? { stack: scrubPersonalData(error.stack) } : {}) };
}
