import { useI18n } from 'vue-i18n';
import { ApiCallError, type FieldIssue } from '../../main/api/errors';
import { giveFeedback } from './feedback';

type Translate = ReturnType<typeof useI18n>['t'];
type HasKey = ReturnType<typeof useI18n>['te'];

/**
 * Main's refusal in the staff member's language: its reason (errors.reasons.*)
 * with its parameters, else what its code means. Main's English message is
 * for logs and never shown.
 */
export function translateError(t: Translate, te: HasKey, error: unknown): string {
  if (!(error instanceof ApiCallError)) return t('errors.INTERNAL');
  if (error.reason && te(`errors.reasons.${error.reason}`)) return t(`errors.reasons.${error.reason}`, error.params);
  const [first] = error.issues;
  // The code says what kind of refusal it is; the field's reason says what to change (which skills are missing).
  if (first) return `${t(`errors.${error.code}`)} ${translateIssue(t, te, first)}`;
  return t(`errors.${error.code}`);
}

/** Why one field was refused, in the staff member's language. */
export function translateIssue(t: Translate, te: HasKey, issue: Pick<FieldIssue, 'reason' | 'params'>): string {
  const key = `errors.reasons.${issue.reason}`;
  return te(key) ? t(key, issue.params ?? {}) : t('errors.reasons.invalid');
}

/** Main's refusal or failure in the staff member's language. */
export function useErrorText(): (error: unknown) => string {
  const { t, te } = useI18n();
  return (error) => translateError(t, te, error);
}

/** Tells staff, in their language (and again in the new one after a switch), that main refused or failed an action. */
export function useReportError(): (error: unknown) => void {
  const text = useErrorText();
  return (error) => giveFeedback('error', () => text(error));
}

/** Each field main refused (BAD_INPUT) with its reason code, for a form to translate next to the field. */
export function refusedIssues(error: unknown): FieldIssue[] {
  return error instanceof ApiCallError && error.code === 'BAD_INPUT' ? [...error.issues] : [];
}

/** The fields main refused (BAD_INPUT), so a form can mark them next to the error it shows. */
export function refusedFields(error: unknown): string[] {
  return error instanceof ApiCallError && error.code === 'BAD_INPUT' ? [...error.fields] : [];
}
