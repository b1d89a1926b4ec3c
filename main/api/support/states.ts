/** The case states and the counters' groups, for the renderer (which imports only main/api). Pure data: no Node. */
export { CASE_GROUPS, CASE_STATES, type CaseGroup, type CaseState } from '../../core/support/case-states';
