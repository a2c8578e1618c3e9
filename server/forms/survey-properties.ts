// capgap's custom SurveyJS properties. A questionnaire and the way it is scored are one
// versioned document: the scoring metadata sits on the questions themselves. The browser
// registers the same list (server/respondent/public/respondent.js) so both sides read one JSON.
import { Serializer } from 'survey-core';

export const capgapQuestionProperties = ['capgapRole', 'capgapArea', 'capgapIndicator', 'capgapWeight:number'];
export const capgapSurveyProperties = ['formId', 'formVersion:number', 'capgapOpenResponses:boolean', 'capgapPurpose'];

let registered = false;

export function registerCapgapProperties(): void {
  if (registered) return;
  registered = true;
  for (const name of capgapQuestionProperties) Serializer.addProperty('question', { name });
  for (const name of capgapSurveyProperties) Serializer.addProperty('survey', { name });
}
