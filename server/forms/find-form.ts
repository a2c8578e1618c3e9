// Looking up a questionnaire named in a URL or stored with a round: an unknown form or version
// is a 404 problem, never a 500.
import { AppError } from '../http/problem';
import type { FormRegistry, LoadedForm } from './form-registry';

export function findFormOrReject(forms: FormRegistry, formId: string, version?: number): LoadedForm {
  const form = forms.get(formId, version);
  if (!form)
    throw new AppError('formNotFound', version ? `No version ${version} of form ${formId}` : `No form ${formId}`);
  return form;
}
