import { useI18n } from 'vue-i18n';
import { ApiCallError } from '../../main/api/errors';
import { giveFeedback } from './feedback';

/** Main's refusal or failure in the staff member's language, with main's own reason after it. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useI18n();
  return (error) =>
    error instanceof ApiCallError
      ? `${t(`errors.${error.code}`)} ${error.message}`
      : `${t('errors.INTERNAL')} ${error instanceof Error ? error.message : String(error)}`;
}

/** Tells staff, in their language, that main refused or failed an action, with main's own reason after it. */
export function useReportError(): (error: unknown) => void {
  const text = useErrorText();
  return (error) => giveFeedback('error', text(error));
}

/** Main's reason code per refused field, where it gave one (e.g. why a pattern cannot be used). */
export function refusedReasons(error: unknown): Record<string, string> {
  return error instanceof ApiCallError && error.code === 'BAD_INPUT' ? { ...error.reasons } : {};
}

/** The fields main refused (BAD_INPUT), so a form can mark them next to the error it shows. */
export function refusedFields(error: unknown): string[] {
  return error instanceof ApiCallError && error.code === 'BAD_INPUT' ? [...error.fields] : [];
}
