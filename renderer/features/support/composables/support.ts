import { useI18n } from 'vue-i18n';
import type { CaseMessageView } from '../../../../main/api/support/schemas';

/** Bytes of a chosen file as base64: files reach main as bytes, never as paths. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Saves text or bytes main returned as a file the browser downloads (also works in Electron). */
export function downloadFile(fileName: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Dates and message texts of the support screens, in the staff member's language. */
export function useSupportText() {
  const { t, d, locale } = useI18n();
  return {
    date: (ms: number) => d(new Date(ms), 'long'),
    day: (ms: number) => d(new Date(ms), 'short'),
    /** A written message shows its text; an event of the case shows as a sentence, with the operator's note if any. */
    body: (message: CaseMessageView) =>
      message.kind === 'message' ? message.body : [t(`support.detail.events.${message.kind}`), message.body].filter(Boolean).join(' '),
    /** "Monday–Friday" or a list of weekday names for the office hours. */
    weekdays: (days: number[]) => {
      const name = (day: number) =>
        new Intl.DateTimeFormat(locale.value, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, day)));
      const sorted = [...days].sort((a, b) => a - b);
      const consecutive = sorted.every((day, i) => i === 0 || day === sorted[i - 1]! + 1);
      return consecutive && sorted.length > 2 ? `${name(sorted[0]!)}–${name(sorted.at(-1)!)}` : sorted.map(name).join(', ');
    },
  };
}
