// One error type for the whole service, and the catalogue of problems it can answer with.
// Each problem has a decimal code whose integer part is the HTTP status (400.1, 404.1 …); the
// error handler turns an AppError into an RFC 9457 application/problem+json body.
import type { FieldError } from './ajv';

export interface ProblemSpec {
  code: string;
  status: number;
  title: string;
}

// Keep ordered by code: test/unit/problem.test.ts checks it.
export const problems = {
  malformedJson: { code: '400.1', status: 400, title: 'The request body is not valid JSON' },
  invalidInput: { code: '400.2', status: 400, title: 'The request does not match its schema' },
  malformedUrl: { code: '400.3', status: 400, title: 'The URL has a malformed percent-encoding' },
  unreadableBody: { code: '400.4', status: 400, title: 'The request body cannot be read' },
  bodyRequired: { code: '400.5', status: 400, title: 'A request body is required' },
  notSignedIn: { code: '401.1', status: 401, title: 'Sign in first' },
  badCredentials: { code: '401.2', status: 401, title: 'Wrong email or password' },
  csrfMissing: { code: '403.1', status: 403, title: 'Missing or wrong CSRF token' },
  forbidden: { code: '403.2', status: 403, title: 'Your role does not allow this' },
  formNotOpen: { code: '403.3', status: 403, title: 'This questionnaire is answered through country links only' },
  notFound: { code: '404.1', status: 404, title: 'Not found' },
  formNotFound: { code: '404.2', status: 404, title: 'No such form' },
  linkNotFound: { code: '404.3', status: 404, title: 'No such link' },
  conflict: { code: '409.1', status: 409, title: 'Already exists' },
  staleRevision: { code: '409.2', status: 409, title: 'Someone saved this response meanwhile' },
  alreadySubmitted: { code: '409.3', status: 409, title: 'This response has been submitted' },
  notAwaitingReview: {
    code: '409.4',
    status: 409,
    title: 'This response is not in a state that allows this review step',
  },
  questionnaireInUse: {
    code: '409.5',
    status: 409,
    title: 'Countries have started answering: the round’s questionnaire can no longer change',
  },
  linkNotValid: { code: '410.1', status: 410, title: 'This link is no longer valid' },
  payloadTooLarge: { code: '413.1', status: 413, title: 'The request body is too large' },
  unsupportedMediaType: { code: '415.1', status: 415, title: 'Send the body as application/json' },
  invalidAnswers: { code: '422.1', status: 422, title: 'Some answers are not valid' },
  unprocessable: { code: '422.2', status: 422, title: 'The request cannot be carried out as sent' },
  weakPassword: { code: '422.3', status: 422, title: 'Choose a password that is harder to guess' },
  tooManyRequests: { code: '429.1', status: 429, title: 'Too many requests, try again later' },
  internal: { code: '500.1', status: 500, title: 'Internal error' },
  databaseUnavailable: { code: '503.1', status: 503, title: 'The database does not answer' },
  databaseCannotWrite: { code: '503.2', status: 503, title: 'The database cannot store anything now' },
} satisfies Record<string, ProblemSpec>;

export type ProblemName = keyof typeof problems;

/** The most errors an answer lists; it counts the others (a body full of mistakes must not make a huge answer). */
export const maxListedErrors = 100;

/** The first maxListedErrors of a list of errors, and how many more there were. */
export function firstErrors<T>(errors: T[]): { listed: T[]; omitted: number } {
  const listed = errors.slice(0, maxListedErrors);
  return { listed, omitted: errors.length - listed.length };
}

export class AppError extends Error {
  readonly spec: ProblemSpec;
  /** The first maxListedErrors field errors; `errorsOmitted` in `extra` counts the others. */
  readonly errors: FieldError[];

  constructor(
    readonly problem: ProblemName,
    readonly detail?: string,
    errors: FieldError[] = [],
    options?: { cause?: unknown; extra?: Record<string, unknown> },
  ) {
    super(detail ?? problems[problem].title, options);
    this.name = 'AppError';
    this.spec = problems[problem];
    const { listed, omitted } = firstErrors(errors);
    this.errors = listed;
    this.extra = omitted > 0 ? { ...options?.extra, errorsOmitted: omitted } : options?.extra;
  }

  /** More members for the problem body, e.g. the current state on a 409, or errorsOmitted. */
  readonly extra?: Record<string, unknown>;

  get status(): number {
    return this.spec.status;
  }
}
