import { ref, watch, type Ref } from 'vue';

/**
 * Keeps a native <dialog> (focus trap, Escape, backdrop) open exactly while
 * `question` holds something. Bind the returned ref to the element.
 */
export function useModalDialog(question: Ref<unknown>): Ref<HTMLDialogElement | undefined> {
  const dialog = ref<HTMLDialogElement>();
  watch(
    question,
    (value) => {
      const el = dialog.value;
      if (!el) return;
      if (value && !el.open) el.showModal();
      if (!value && el.open) el.close();
    },
    { flush: 'post' },
  );
  return dialog;
}
