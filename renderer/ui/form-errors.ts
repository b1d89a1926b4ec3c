import { computed, nextTick, ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { ApiCallError, type ErrorParams, type ErrorReason, type FieldIssue } from '../../main/api/errors';
import { translateError, translateIssue } from './report-error';

export interface FormErrors {
  /** The form element: the first marked field in it gets scrolled to and focused. */
  root: Ref<HTMLElement | undefined>;
  /**
   * The translated reason for a field (or any field below it), re-translated on a language switch. `rule`: the
   * locale key of the field's own rule ("a code of 1 to 40 characters"), shown instead of a bare shape reason.
   */
  message(field: string, rule?: string): string | undefined;
  /** Each refused field below `prefix`, translated and keyed by `keyOf(field)` (the part of an editor it is shown on). */
  messagesUnder(prefix: string, keyOf?: (field: string) => string): Record<string, string>;
  /** aria-invalid and aria-describedby for the input of a field, pointing at its FieldError (`<inputId>-error`). */
  attrs(field: string, inputId: string): { 'aria-invalid': 'true' | undefined; 'aria-describedby': string | undefined };
  /** A refusal that names no field of this form, shown next to the form's button. */
  problem: Readonly<Ref<string | undefined>>;
  /** Shows main's refusal: each refused field next to the field, anything else as the form's problem; then focuses the first. */
  refuse(error: unknown, fieldOf?: (field: string) => string): Promise<void>;
  /** Marks a field the renderer itself found empty or wrong, before asking main. */
  mark(field: string, reason: ErrorReason, params?: ErrorParams): void;
  /** Focuses the first marked field (or the problem), scrolled into view. */
  focusFirst(): Promise<void>;
  hasErrors: Readonly<Ref<boolean>>;
  clear(): void;
}

/**
 * A form's refused fields, kept as reason codes with their parameters (not
 * text) so what is on screen follows the language. Main's BAD_INPUT names
 * every field it refused; the form shows each one next to its field.
 */
/** Reasons about a value's shape, which a field's own rule says better. */
const SHAPE_REASONS = new Set<ErrorReason>([
  'required',
  'tooShort',
  'tooLong',
  'tooFew',
  'tooMany',
  'tooSmall',
  'tooBig',
  'format',
  'choose',
  'wholeNumber',
  'invalid',
]);

export function useFormErrors(): FormErrors {
  const { t, te } = useI18n();
  const root = ref<HTMLElement>();
  const issues = ref<FieldIssue[]>([]);
  const failure = ref<unknown>();

  const issueOf = (field: string) => issues.value.find((i) => i.field === field || i.field.startsWith(`${field}.`));
  const message = (field: string, rule?: string) => {
    const issue = issueOf(field);
    if (!issue) return undefined;
    return rule && SHAPE_REASONS.has(issue.reason) ? t(rule) : translateIssue(t, te, issue);
  };
  const messagesUnder = (prefix: string, keyOf = (field: string) => field) =>
    Object.fromEntries(
      issues.value
        .filter((i) => i.field === prefix || i.field.startsWith(`${prefix}.`))
        .map((i) => [keyOf(i.field), translateIssue(t, te, i)]),
    );
  const problem = computed(() => (failure.value === undefined ? undefined : translateError(t, te, failure.value)));

  async function focusFirst(): Promise<void> {
    await nextTick();
    const target = root.value?.querySelector<HTMLElement>('[aria-invalid="true"], .form-problem');
    if (!target) return;
    target.scrollIntoView?.({ block: 'center' });
    if (target.classList.contains('form-problem')) target.tabIndex = -1;
    target.focus({ preventScroll: true });
  }

  return {
    root,
    message,
    messagesUnder,
    attrs: (field, inputId) => {
      const bad = issueOf(field) !== undefined;
      return { 'aria-invalid': bad ? 'true' : undefined, 'aria-describedby': bad ? `${inputId}-error` : undefined };
    },
    problem,
    async refuse(error, fieldOf = (field) => field) {
      const refused = error instanceof ApiCallError && error.code === 'BAD_INPUT' ? error.issues : [];
      const known = refused.map((issue) => ({ ...issue, field: fieldOf(issue.field) }));
      issues.value = known;
      failure.value = known.length > 0 ? undefined : error;
      await focusFirst();
    },
    mark(field, reason, params) {
      issues.value = [...issues.value.filter((i) => i.field !== field), { field, reason, ...(params ? { params } : {}) }];
    },
    focusFirst,
    hasErrors: computed(() => issues.value.length > 0 || failure.value !== undefined),
    clear() {
      issues.value = [];
      failure.value = undefined;
    },
  };
}
