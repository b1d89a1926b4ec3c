// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, defineComponent, h, nextTick, type App } from 'vue';
import { createI18n } from 'vue-i18n';
import en from '../../../locales/en.json';
import { ApiCallError, type FieldIssue } from '../../../main/api/errors';
import { useFormErrors, type FormErrors } from '../../../renderer/ui/form-errors';

let app: App | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
  document.body.innerHTML = '';
});

/** A form that shows `name` and the week's ranges under their fields, and its problem next to its button. */
function mountForm(): { form: FormErrors; element: HTMLElement } {
  let form!: FormErrors;
  const Form = defineComponent({
    setup() {
      form = useFormErrors();
      return () =>
        h('form', { ref: form.root }, [
          h('input', { id: 'name', ...form.attrs('name', 'name') }),
          h('p', { 'data-testid': 'name-error' }, form.message('name') ?? ''),
          ...Object.entries(form.messagesUnder('week')).map(([field, text]) => h('p', { 'data-testid': field }, text)),
          h('p', { class: 'form-problem', 'data-testid': 'problem' }, form.problem.value ?? ''),
          h('button', 'Save'),
        ]);
    },
  });
  const element = document.createElement('div');
  document.body.append(element);
  app = createApp(Form).use(createI18n({ legacy: false, locale: 'en', messages: { en } }));
  app.mount(element);
  return { form, element };
}

const refusal = (issues: FieldIssue[]) => new ApiCallError('BAD_INPUT', 'refused', 'test.save', { issues });
const text = (element: HTMLElement, testId: string) => element.querySelector(`[data-testid="${testId}"]`)?.textContent ?? '';

describe('useFormErrors', () => {
  it('shows a refused field the form does not show as the form’s problem, with the field and why, and no shown field twice', async () => {
    const { form, element } = mountForm();
    await form.refuse(
      refusal([
        { field: 'name', reason: 'required' },
        { field: 'week.1.0.opens', reason: 'closeBeforeOpen' },
        { field: 'zone', reason: 'unknownZone' },
      ]),
    );
    await nextTick();
    expect(text(element, 'name-error')).toBe(en.errors.reasons.required);
    expect(text(element, 'week.1.0.opens')).toBe(en.errors.reasons.closeBeforeOpen);
    const problem = text(element, 'problem');
    expect(problem).toContain(en.formErrors.fields.zone);
    expect(problem).toContain(en.errors.reasons.unknownZone);
    expect(problem).not.toContain(en.errors.reasons.required);
    expect(problem).not.toContain(en.errors.reasons.closeBeforeOpen);
    expect(form.problem.value).toBe(problem);
  });

  it('shows a nested path the screen maps to no field of its own, and focuses the problem when no field is marked', async () => {
    const { form, element } = mountForm();
    await form.refuse(refusal([{ field: 'lines.0.itemId', reason: 'otherCustomerItem' }]), (field) =>
      field.replace(/^lines\.0\.itemId$/, 'itemId'),
    );
    await nextTick();
    expect(text(element, 'problem')).toBe(
      en.formErrors.unshownField.replace('{field}', en.formErrors.fields.itemId).replace('{reason}', en.errors.reasons.otherCustomerItem),
    );
    expect(document.activeElement?.getAttribute('data-testid')).toBe('problem');
    form.clear();
    await nextTick();
    expect(text(element, 'problem')).toBe('');
  });

  it('says only that the input was refused for a field it has no name for', async () => {
    const { form, element } = mountForm();
    await form.refuse(refusal([{ field: 'phoneCountryCode', reason: 'invalid' }]));
    await nextTick();
    expect(text(element, 'problem')).toBe(`${en.errors.BAD_INPUT} ${en.errors.reasons.invalid}`);
  });

  it('shows nothing twice when every refused field is on the form', async () => {
    const { form, element } = mountForm();
    await form.refuse(refusal([{ field: 'name', reason: 'tooLong', params: { max: 80 } }]));
    await nextTick();
    expect(text(element, 'name-error')).toBe('Write at most 80 characters.');
    expect(text(element, 'problem')).toBe('');
    expect(element.querySelector('#name')?.getAttribute('aria-invalid')).toBe('true');
  });
});
