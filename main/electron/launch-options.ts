export interface LaunchOptions {
  /** `--kiosk`: a full-screen, locked-down counter terminal. */
  kiosk: boolean;
}

/**
 * Reads our own switches from the process argv. Electron and Chromium add
 * switches of their own (and `electron .` adds the app path), so unknown
 * arguments are ignored rather than refused.
 */
export function parseLaunchOptions(argv: readonly string[]): LaunchOptions {
  return { kiosk: argv.includes('--kiosk') };
}
