import { ref } from 'vue';
import { scannerPreferences } from '../features/scanning/composables/scanner-preferences';

export type FeedbackTone = 'success' | 'error' | 'warning';

/**
 * What the bar says: a function that translates on each render (a key and its
 * parameters), so switching the language changes a message already on screen.
 * A plain string stays as given.
 */
export type FeedbackText = string | (() => string);

export interface Feedback {
  tone: FeedbackTone;
  text: () => string;
  id: number;
  /** When it was given (page clock): a verdict given just before a navigation survives it. */
  givenAt: number;
}

/** The last scan's verdict, shown as a coloured bar with its text and heard as a tone. */
export const lastFeedback = ref<Feedback>();
let nextId = 1;
let audio: AudioContext | undefined;

const TONES: Record<FeedbackTone, { freq: number; beeps: number; ms: number }> = {
  success: { freq: 1320, beeps: 1, ms: 90 },
  warning: { freq: 660, beeps: 2, ms: 90 },
  error: { freq: 220, beeps: 3, ms: 120 },
};

/** Main decides what happened; this only tells the person, by colour, words and sound. */
export function giveFeedback(tone: FeedbackTone, message: FeedbackText): void {
  lastFeedback.value = { tone, text: typeof message === 'function' ? message : () => message, id: nextId++, givenAt: performance.now() };
  beep(tone);
}

/** The tone alone, for news that is not a scan's verdict (a driver checking in) and has its own words on screen. */
export function beep(tone: FeedbackTone): void {
  const volume = (scannerPreferences.value?.feedbackVolume ?? 70) / 100;
  if (volume === 0) return;
  try {
    const context = audioContext();
    const { freq, beeps, ms } = TONES[tone];
    for (let i = 0; i < beeps; i++) {
      const start = context.currentTime + (i * ms * 1.6) / 1000;
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = tone === 'error' ? 'square' : 'sine';
      oscillator.frequency.value = freq;
      gain.gain.setValueAtTime(0.3 * volume, start);
      gain.gain.exponentialRampToValueAtTime(0.001, start + ms / 1000);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start);
      oscillator.stop(start + ms / 1000);
    }
  } catch {
    // No audio device: the colour and the words still tell.
  }
}

/** The one sound output, resumed if the page had not been interacted with yet when it was made. */
function audioContext(): AudioContext {
  audio ??= new AudioContext();
  if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
  return audio;
}

/**
 * Opens the sound output after the first press or key anywhere in the app, so the first verdict (a drop, a scan)
 * does not pay for it: making an AudioContext takes about 100 ms. Browsers let a page play sound only once a person
 * has interacted with it, hence the first gesture; the context is made when the page is next idle, not in the
 * gesture's own task, so that press is not held up either.
 */
export function openAudioOnFirstGesture(target: EventTarget = window): void {
  const types = ['pointerdown', 'keydown'] as const;
  const open = () => {
    for (const type of types) target.removeEventListener(type, open, { capture: true });
    whenIdle(() => {
      try {
        audioContext();
      } catch {
        // No audio device: the beep tries again, and the colour and the words still tell.
      }
    });
  };
  for (const type of types) target.addEventListener(type, open, { once: true, passive: true, capture: true });
}

const whenIdle = (run: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 1000 }) : setTimeout(run, 0);

/** Forgets the last verdict when staff move to another screen, unless it was given for that move. */
export function clearStaleFeedback(graceMs = 1500): void {
  if (lastFeedback.value && performance.now() - lastFeedback.value.givenAt > graceMs) lastFeedback.value = undefined;
}
