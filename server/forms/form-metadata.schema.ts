// The part of a form file that capgap itself relies on, checked when forms are loaded:
// identity and version, question names safe as MongoDB keys, supported question types, and
// coherent scoring metadata. The rest of the JSON is SurveyJS's business.
const localized = {
  anyOf: [
    { type: 'string', minLength: 1 },
    {
      type: 'object',
      required: ['default'],
      properties: { default: { type: 'string' } },
      additionalProperties: { type: 'string' },
    },
  ],
};

export const supportedQuestionTypes = [
  'radiogroup',
  'dropdown',
  'checkbox',
  'tagbox',
  'rating',
  'boolean',
  'text',
  'comment',
  'html',
] as const;

const question = {
  type: 'object',
  required: ['type', 'name'],
  properties: {
    type: { enum: [...supportedQuestionTypes] },
    // Answers are stored under these names: no dots, no leading $, nothing like __proto__.
    name: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]{0,79}$' },
    title: localized,
    capgapRole: { enum: ['level', 'evidence', 'importance', 'target', 'share'] },
    capgapArea: { type: 'string', pattern: '^A[0-9]{1,2}$' },
    capgapIndicator: { type: 'string', pattern: '^A[0-9]{1,2}\\.[0-9]{1,2}$' },
    capgapWeight: { type: 'number', exclusiveMinimum: 0, maximum: 100 },
  },
  allOf: [
    {
      if: { required: ['capgapRole'], properties: { capgapRole: { const: 'level' } } },
      then: {
        required: ['capgapArea', 'capgapIndicator', 'capgapWeight'],
        properties: { type: { const: 'radiogroup' } },
      },
    },
    {
      if: { required: ['capgapRole'], properties: { capgapRole: { const: 'evidence' } } },
      then: { required: ['capgapArea', 'capgapIndicator'] },
    },
    {
      if: { required: ['capgapRole'] },
      then: { required: ['capgapArea'] },
    },
  ],
};

export const formPurposes = ['capacity', 'partner-offer'] as const;
export type FormPurpose = (typeof formPurposes)[number];

export const formMetadataSchema = {
  $id: 'form-metadata',
  type: 'object',
  required: ['formId', 'formVersion', 'title', 'pages'],
  properties: {
    formId: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,39}$' },
    formVersion: { type: 'integer', minimum: 1 },
    title: localized,
    // Anyone may answer it without a link (POST /api/forms/:formId/responses, /r/:formId),
    // rate limited per client address. Off unless set: answers normally come through links.
    capgapOpenResponses: { type: 'boolean' },
    // What the form is for: a country's capacity (rounds take only these) or a partner's offer.
    capgapPurpose: { enum: [...formPurposes] },
    pages: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['name', 'elements'],
        properties: { name: { type: 'string' }, elements: { type: 'array', items: question } },
      },
    },
  },
} as const;
