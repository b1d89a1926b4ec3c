import { computed, nextTick, ref, watch, type Ref } from 'vue';
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
  /**
   * A refusal that names no field of this form, shown next to the form's button: a failure, or each refused field
   * the form did not show during its render (with the field's name and why).
   */
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

  // The fields (or prefixes) the form asked the text of since the issues last changed: the ones it shows.
  const shown = new Set<string>();
  // The refused fields no render asked for: nowhere on screen but in the form's problem.
  const unshown = ref<FieldIssue[]>([]);
  const setIssues = (next: FieldIssue[]) => {
    shown.clear();
    issues.value = next;
  };
  const isUnder = (field: string, prefix: string) => field === prefix || field.startsWith(`${prefix}.`);
  // After the form has rendered the new issues (flush 'post'), whatever it did not ask for goes to the problem.
  watch(
    issues,
    (now) => {
      unshown.value = now.filter((issue) => ![...shown].some((field) => isUnder(issue.field, field)));
    },
    { flush: 'post' },
  );

  const issueOf = (field: string) => issues.value.find((i) => isUnder(i.field, field));
  const message = (field: string, rule?: string) => {
    shown.add(field);
    const issue = issueOf(field);
    if (!issue) return undefined;
    return rule && SHAPE_REASONS.has(issue.reason) ? t(rule) : translateIssue(t, te, issue);
  };
  const messagesUnder = (prefix: string, keyOf = (field: string) => field) => {
    shown.add(prefix);
    return Object.fromEntries(issues.value.filter((i) => isUnder(i.field, prefix)).map((i) => [keyOf(i.field), translateIssue(t, te, i)]));
  };
  /** An unshown field by its name where the locale has one ("Item: …"), else as a refused input ("Check this input. …"). */
  const unshownText = (issue: FieldIssue) => {
    const name = issue.field.split('.').findLast((part) => !/^\d+$/.test(part)) ?? issue.field;
    const reason = translateIssue(t, te, issue);
    return te(`formErrors.fields.${name}`)
      ? t('formErrors.unshownField', { field: t(`formErrors.fields.${name}`), reason })
      : `${t('errors.BAD_INPUT')} ${reason}`;
  };
  const problem = computed(() => {
    if (failure.value !== undefined) return translateError(t, te, failure.value);
    return unshown.value.length > 0 ? unshown.value.map(unshownText).join(' ') : undefined;
  });

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
      setIssues(known);
      failure.value = known.length > 0 ? undefined : error;
      // The render that shows the issues decides which are unshown; the problem they make renders one tick later.
      await nextTick();
      await focusFirst();
    },
    mark(field, reason, params) {
      setIssues([...issues.value.filter((i) => i.field !== field), { field, reason, ...(params ? { params } : {}) }]);
    },
    focusFirst,
    hasErrors: computed(() => issues.value.length > 0 || failure.value !== undefined),
    clear() {
      setIssues([]);
      failure.value = undefined;
    },
  };
}
