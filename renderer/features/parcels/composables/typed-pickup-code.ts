import { onMounted, onUnmounted, ref, type Ref } from 'vue';

const LENGTH = 6;
/** Keys closer than this come from a scanner: its pickup barcode is handled as a scan, not as typing. */
const SCANNER_GAP_MS = 30;
/** A pause this long starts the code over (someone pressed a digit by mistake). */
const RESTART_AFTER_MS = 5_000;

/**
 * Six digits typed anywhere on the screen (no field focused) are a customer's
 * pickup code: `onCode` gets them at the sixth. The digits so far are exposed
 * so the screen can show that it is listening.
 */
export function useTypedPickupCode(onCode: (code: string) => void): Ref<string> {
  const digits = ref('');
  let lastAt = -Infinity;

  function onKeydown(event: KeyboardEvent): void {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    if ((event.target as HTMLElement | null)?.closest('input, textarea, select, dialog, [contenteditable="true"]')) return;
    const gap = event.timeStamp - lastAt;
    lastAt = event.timeStamp;
    if (event.key === 'Escape' || event.key === 'Backspace') {
      if (event.key === 'Backspace') digits.value = digits.value.slice(0, -1);
      else digits.value = '';
      return;
    }
    if (!/^[0-9]$/.test(event.key)) {
      digits.value = '';
      return;
    }
    if (gap < SCANNER_GAP_MS || gap > RESTART_AFTER_MS) digits.value = '';
    if (gap < SCANNER_GAP_MS) return;
    digits.value += event.key;
    if (digits.value.length === LENGTH) {
      const code = digits.value;
      digits.value = '';
      onCode(code);
    }
  }
  onMounted(() => window.addEventListener('keydown', onKeydown));
  onUnmounted(() => window.removeEventListener('keydown', onKeydown));
  return digits;
}
