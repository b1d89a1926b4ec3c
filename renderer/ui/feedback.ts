import { ref } from 'vue';
import { scannerPreferences } from '../features/scanning/composables/scanner-preferences';

export type FeedbackTone = 'success' | 'error' | 'warning';

export interface Feedback {
  tone: FeedbackTone;
  message: string;
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
export function giveFeedback(tone: FeedbackTone, message: string): void {
  lastFeedback.value = { tone, message, id: nextId++, givenAt: performance.now() };
  beep(tone);
}

/** The tone alone, for news that is not a scan's verdict (a driver checking in) and has its own words on screen. */
export function beep(tone: FeedbackTone): void {
  const volume = (scannerPreferences.value?.feedbackVolume ?? 70) / 100;
  if (volume === 0) return;
  try {
    audio ??= new AudioContext();
    const { freq, beeps, ms } = TONES[tone];
    for (let i = 0; i < beeps; i++) {
      const start = audio.currentTime + (i * ms * 1.6) / 1000;
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = tone === 'error' ? 'square' : 'sine';
      oscillator.frequency.value = freq;
      gain.gain.setValueAtTime(0.3 * volume, start);
      gain.gain.exponentialRampToValueAtTime(0.001, start + ms / 1000);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start);
      oscillator.stop(start + ms / 1000);
    }
  } catch {
    // No audio device: the colour and the words still tell.
  }
}

/** Forgets the last verdict when staff move to another screen, unless it was given for that move. */
export function clearStaleFeedback(graceMs = 1500): void {
  if (lastFeedback.value && performance.now() - lastFeedback.value.givenAt > graceMs) lastFeedback.value = undefined;
}
