import { useI18n } from 'vue-i18n';
import { ApiCallError } from '../../main/api/errors';
import { giveFeedback } from './feedback';

/** Tells staff, in their language, that main refused or failed an action, with main's own reason after it. */
export function useReportError(): (error: unknown) => void {
  const { t } = useI18n();
  return (error) => {
    if (error instanceof ApiCallError) giveFeedback('error', `${t(`errors.${error.code}`)} ${error.message}`);
    else giveFeedback('error', `${t('errors.INTERNAL')} ${error instanceof Error ? error.message : String(error)}`);
  };
}
