/** A field that takes free text: the on-screen keyboard types into these, never into code, number or PIN fields. */
export type TextField = HTMLInputElement | HTMLTextAreaElement;

const TEXT_TYPES = new Set(['text', 'search', 'email', 'tel', 'url']);
/** Fields that ask for digits get the numeric keypad or the system's own, not the letters. */
const DIGIT_MODES = new Set(['numeric', 'decimal', 'none']);

export function isTextField(element: EventTarget | null): element is TextField {
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) return false;
  if (element.readOnly || element.disabled || DIGIT_MODES.has(element.inputMode)) return false;
  return element instanceof HTMLTextAreaElement || TEXT_TYPES.has(element.type);
}

/**
 * Replaces the selection (or inserts at the caret) and fires the input event
 * a typed key fires, so v-model and validation see it as typing. Email
 * fields have no caret to read, so text goes at their end.
 */
function replaceSelection(field: TextField, text: string, inputType: string, from?: number): void {
  const caret = field.selectionStart;
  if (caret === null) {
    field.value = inputType === 'insertText' ? field.value + text : field.value.slice(0, -1);
  } else {
    const end = field.selectionEnd ?? caret;
    const start = from ?? caret;
    field.setRangeText(text, start, end, 'end');
  }
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType, data: inputType === 'insertText' ? text : null }));
}

export function insertText(field: TextField, text: string): void {
  const selected = (field.selectionEnd ?? 0) - (field.selectionStart ?? 0);
  if (field.maxLength >= 0 && field.value.length - selected + text.length > field.maxLength) return;
  replaceSelection(field, text, 'insertText');
}

export function deleteBackward(field: TextField): void {
  const start = field.selectionStart;
  if (field.value === '' || (start === 0 && field.selectionEnd === 0)) return;
  const collapsed = start !== null && start === field.selectionEnd;
  replaceSelection(field, '', 'deleteContentBackward', collapsed ? start - 1 : undefined);
}

/** Enter: a new line in a text area; elsewhere the key's own handlers, then the form's submit (with its validation). */
export function pressEnter(field: TextField): void {
  if (field instanceof HTMLTextAreaElement) return insertText(field, '\n');
  const handled = !field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
  field.dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter', code: 'Enter', bubbles: true }));
  if (!handled) field.form?.requestSubmit();
}
