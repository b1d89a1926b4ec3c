import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';

/**
 * A real serial line for tests: socat links two ptys; bytes written to `b`
 * arrive on `a`. Killing socat is "unplugging the scanner" (the scanner side
 * `a` sees the line drop and socat removes both links); starting a new one
 * with the same links is "plugging it back".
 */
export class SocatLine {
  private child: ChildProcess | undefined;
  /** The scanner's end, held open like a plugged-in scanner holds its line. */
  private writer: number | undefined;

  constructor(
    readonly a: string,
    readonly b: string,
  ) {}

  async start(timeoutMs = 3000): Promise<void> {
    if (this.child) throw new Error('socat already running');
    const child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${this.a}`, `pty,raw,echo=0,link=${this.b}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.child = child;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const deadline = Date.now() + timeoutMs;
    // socat logs "starting data transfer loop" once both ptys and links exist.
    while (!(existsSync(this.a) && existsSync(this.b) && stderr.includes('starting data transfer loop'))) {
      if (child.exitCode !== null) throw new Error(`socat exited (${child.exitCode}): ${stderr}`);
      if (Date.now() > deadline) throw new Error(`socat did not create ${this.a} and ${this.b}: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /**
   * Sends bytes as the scanner would. The end stays open between writes:
   * opening and closing it per label lets Linux drop the bytes in flight when
   * socat sees the end hang up before the pty has passed them on.
   */
  write(text: string): void {
    this.writer ??= openSync(this.b, 'w');
    writeSync(this.writer, text);
  }

  /** Unplug: SIGTERM, wait for exit (socat removes its links on the way out). */
  async stop(): Promise<void> {
    if (this.writer !== undefined) {
      closeSync(this.writer);
      this.writer = undefined;
    }
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  }
}
