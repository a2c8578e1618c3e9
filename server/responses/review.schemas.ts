// Request schema of returning a response with comments (published under /api/schemas). A body
// that fails it gets 422: the request is understood, it just lacks what a return needs.
export const maxReviewCommentLength = 5000;
export const maxQuestionCommentLength = 2000;

export const responseReturnSchema = {
  $id: 'response-return',
  type: 'object',
  additionalProperties: false,
  required: ['comment'],
  properties: {
    /** What the country must do, shown at the top of its questionnaire and in the email. */
    comment: { type: 'string', minLength: 1, maxLength: maxReviewCommentLength, pattern: '\\S' },
    /** Question name → comment shown next to that question; names must be questions of the form. */
    questionComments: {
      type: 'object',
      maxProperties: 500,
      propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_-]*$', maxLength: 200 },
      additionalProperties: { type: 'string', minLength: 1, maxLength: maxQuestionCommentLength, pattern: '\\S' },
    },
  },
} as const;
