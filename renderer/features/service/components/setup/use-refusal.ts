import { computed, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { FieldIssue } from '../../../../../main/api/errors';
import { refusedIssues, translateIssue, useErrorText } from '../../../../ui/report-error';

/**
 * Main's refusal of a setup form, per field: each refused field gets the
 * text of main's reason code (`errors.reasons.*`, with its parameters), else
 * the field's own rule (`service.setup.rules.<rule>`), so the form can show
 * it next to the field. `error` is the whole refusal for the top of the form.
 */
/** The field of an hours editor a refused path belongs to (`week.1.0.opens` is shown on the range `week.1.0`). */
const HOURS_FIELD = /^(week\.\d+\.\d+|exceptions\.\d+\.date|exceptions\.\d+\.ranges\.\d+|exceptions)/;

/** Reasons about a value's shape (zod's), as opposed to the desk's own rules. */
const FIELD_SHAPE_REASONS = new Set<string>(['required', 'tooShort', 'tooLong', 'tooFew', 'tooMany', 'tooSmall', 'tooBig', 'format', 'choose', 'wholeNumber', 'invalid']);

/** `inputPrefix`: the key the form's input sits under in the call (`calendar.`), left out of every field. */
export function useRefusal(idPrefix: string, inputPrefix = '') {
  const { t, te } = useI18n();
  const errorText = useErrorText();
  const error = ref('');
  const fields = ref<string[]>([]);
  const reasons = ref<Record<string, Pick<FieldIssue, 'reason' | 'params'>>>({});

  function refused(e: unknown): void {
    error.value = errorText(e);
    const strip = (f: string) => (inputPrefix && f.startsWith(inputPrefix) ? f.slice(inputPrefix.length) : f);
    const issues = refusedIssues(e);
    fields.value = issues.map((i) => strip(i.field));
    reasons.value = Object.fromEntries(issues.map((i) => [strip(i.field), { reason: i.reason, params: i.params }]));
  }
  function clear(): void {
    error.value = '';
    fields.value = [];
    reasons.value = {};
  }
  const invalid = (path: string) => fields.value.some((f) => f === path || f.startsWith(`${path}.`));
  const reasonText = (issue: Pick<FieldIssue, 'reason' | 'params'>) => (te(`errors.reasons.${issue.reason}`) ? translateIssue(t, te, issue) : t('service.setup.rules.check'));
  /**
   * What to show next to the field at `path` ('' when main did not refuse it); `rule` names the field's own
   * rule text, which says more than a generic "too short" does. A rule of the desk (an unknown skill) is main's.
   */
  function message(path: string, rule = 'check'): string {
    if (!invalid(path)) return '';
    const reason = Object.entries(reasons.value).find(([f]) => f === path || f.startsWith(`${path}.`))?.[1];
    if (!reason || (rule !== 'check' && FIELD_SHAPE_REASONS.has(reason.reason))) return t(`service.setup.rules.${rule}`);
    return reasonText(reason);
  }
  /** Each refused field's text, keyed as the week and holiday editors show them. */
  function messages(prefix: string): Record<string, string> {
    const shown = fields.value.filter((f) => f.startsWith(`${prefix}.`) || f === prefix);
    return Object.fromEntries(shown.map((f) => [HOURS_FIELD.exec(f)?.[1] ?? f, reasons.value[f] ? reasonText(reasons.value[f]) : t('service.setup.rules.time')]));
  }
  /** For the top of the form: "correct the marked fields", or main's whole answer when it named no field. */
  const summary = computed(() => (fields.value.length > 0 ? t('service.setup.notSaved') : error.value));
  const errorId = (path: string) => `${idPrefix}-error-${path.replace(/\./g, '-')}`;
  /** aria attributes for the input of the field at `path`. */
  const aria = (path: string) => ({ 'aria-invalid': invalid(path), 'aria-describedby': invalid(path) ? errorId(path) : undefined });
  return { error, summary, refused, clear, invalid, message, messages, errorId, aria };
}
