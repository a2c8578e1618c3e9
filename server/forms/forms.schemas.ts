// Schemas of the answers of the questionnaire endpoints (checked against every answer in the tests).
import { anyObject, arrayOf, integer, object, oneOf, string } from '../http/answer-schemas';
import { formPurposes } from './form-metadata.schema';

/** A SurveyJS text: one string, or one per language. */
const surveyText = { type: ['string', 'object'] } as const;

export const formsAnswerSchema = object({
  forms: arrayOf(object({ formId: string, formVersion: integer, purpose: oneOf(formPurposes) }, { title: surveyText })),
});

export const formAnswerSchema = object({ formId: string, formVersion: integer, json: anyObject });

/** The JSON Schema of a form's answer set: an object schema. */
export const answerSchemaAnswerSchema = object({ type: oneOf(['object']) }, { properties: anyObject });
