import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../renderer/api/api-client', () => ({ api: { call: () => new Promise(() => undefined) } }));

/**
 * Stands in for the browser's AudioContext: counts how many are made and how many tones each plays. Like a browser,
 * it stays suspended until the page has had a gesture.
 */
class FakeAudioContext {
  static made: FakeAudioContext[] = [];
  static gestured = false;
  state: 'suspended' | 'running' = FakeAudioContext.gestured ? 'running' : 'suspended';
  currentTime = 0;
  destination = {};
  oscillators = 0;
  resumed = 0;
  constructor() {
    FakeAudioContext.made.push(this);
  }
  resume() {
    this.resumed++;
    if (FakeAudioContext.gestured) this.state = 'running';
    return Promise.resolve();
  }
  createOscillator() {
    this.oscillators++;
    const node = { type: '', frequency: { value: 0 }, connect: (next: unknown) => next, start: () => undefined, stop: () => undefined };
    return node;
  }
  createGain() {
    return {
      gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined },
      connect: (next: unknown) => next,
    };
  }
}

describe('the feedback sound', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.useFakeTimers();
    FakeAudioContext.made = [];
    FakeAudioContext.gestured = false;
    vi.stubGlobal('AudioContext', FakeAudioContext);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('opens the audio output after the first gesture, outside its task, and the first verdict reuses it', async () => {
    const { giveFeedback, openAudioOnFirstGesture } = await import('../../../renderer/ui/feedback');
    const page = new EventTarget();
    openAudioOnFirstGesture(page);
    vi.runAllTimers();
    expect(FakeAudioContext.made).toHaveLength(0);

    FakeAudioContext.gestured = true;
    page.dispatchEvent(new Event('pointerdown'));
    expect(FakeAudioContext.made).toHaveLength(0);
    vi.runAllTimers();
    expect(FakeAudioContext.made).toHaveLength(1);
    expect(FakeAudioContext.made[0]!.state).toBe('running');

    page.dispatchEvent(new Event('keydown'));
    vi.runAllTimers();
    giveFeedback('success', 'Allocated');
    giveFeedback('error', 'Refused');
    expect(FakeAudioContext.made).toHaveLength(1);
    expect(FakeAudioContext.made[0]!.oscillators).toBe(1 + 3);
  });

  it('opens it on a first key too, and resumes a context that a beep made before any gesture', async () => {
    const { beep, openAudioOnFirstGesture } = await import('../../../renderer/ui/feedback');
    const page = new EventTarget();
    openAudioOnFirstGesture(page);
    beep('warning');
    expect(FakeAudioContext.made).toHaveLength(1);
    expect(FakeAudioContext.made[0]!.state).toBe('suspended');

    FakeAudioContext.gestured = true;
    page.dispatchEvent(new Event('keydown'));
    vi.runAllTimers();
    expect(FakeAudioContext.made).toHaveLength(1);
    expect(FakeAudioContext.made[0]!.state).toBe('running');
  });
});
