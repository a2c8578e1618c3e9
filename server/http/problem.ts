// One error type for the whole service, and the catalogue of problems it can answer with.
// Each problem has a decimal code whose integer part is the HTTP status (400.1, 404.1 …); the
// error handler turns an AppError into an RFC 9457 application/problem+json body.
// Titles, and the details that are not about one particular thing, are said in English, French
// and Spanish; the error handler answers in the request's language.
import type { FieldError } from './ajv';
import type { Locale } from '../i18n/locales';

export type LocalizedText = Record<Locale, string>;

export interface ProblemSpec {
  code: string;
  status: number;
  title: LocalizedText;
}

const problem = (code: string, en: string, fr: string, es: string): ProblemSpec => ({
  code,
  status: Math.floor(Number(code)),
  title: { en, fr, es },
});

// Keep ordered by code: test/unit/problem.test.ts checks it.
export const problems = {
  malformedJson: problem(
    '400.1',
    'The request body is not valid JSON',
    "Le corps de la requête n'est pas du JSON valide",
    'El cuerpo de la solicitud no es JSON válido',
  ),
  invalidInput: problem(
    '400.2',
    'The request does not match its schema',
    'La requête ne correspond pas à son schéma',
    'La solicitud no corresponde a su esquema',
  ),
  malformedUrl: problem(
    '400.3',
    'The URL has a malformed percent-encoding',
    "L'URL contient un encodage-pourcent mal formé",
    'La URL tiene una codificación por porcentaje mal formada',
  ),
  unreadableBody: problem(
    '400.4',
    'The request body cannot be read',
    'Le corps de la requête est illisible',
    'No se puede leer el cuerpo de la solicitud',
  ),
  bodyRequired: problem(
    '400.5',
    'A request body is required',
    'Un corps de requête est nécessaire',
    'Se requiere un cuerpo de solicitud',
  ),
  notSignedIn: problem('401.1', 'Sign in first', "Connectez-vous d'abord", 'Inicie sesión primero'),
  badCredentials: problem(
    '401.2',
    'Wrong email or password',
    'Adresse e-mail ou mot de passe incorrect',
    'Correo electrónico o contraseña incorrectos',
  ),
  csrfMissing: problem(
    '403.1',
    'Missing or wrong CSRF token',
    'Jeton CSRF absent ou erroné',
    'Falta el token CSRF o es incorrecto',
  ),
  forbidden: problem('403.2', 'Your role does not allow this', 'Votre rôle ne le permet pas', 'Su rol no lo permite'),
  formNotOpen: problem(
    '403.3',
    'This questionnaire is answered through country links only',
    'Ce questionnaire se remplit uniquement par les liens des pays',
    'Este cuestionario solo se responde mediante los enlaces de los países',
  ),
  notFound: problem('404.1', 'Not found', 'Introuvable', 'No encontrado'),
  formNotFound: problem('404.2', 'No such form', 'Formulaire inconnu', 'Formulario desconocido'),
  linkNotFound: problem('404.3', 'No such link', 'Lien inconnu', 'Enlace desconocido'),
  methodNotAllowed: problem(
    '405.1',
    'This address does not answer this method',
    'Cette adresse ne répond pas à cette méthode',
    'Esta dirección no responde a este método',
  ),
  conflict: problem('409.1', 'Already exists', 'Existe déjà', 'Ya existe'),
  staleRevision: problem(
    '409.2',
    'Someone saved this response meanwhile',
    "Quelqu'un a enregistré cette réponse entre-temps",
    'Alguien guardó esta respuesta mientras tanto',
  ),
  alreadySubmitted: problem(
    '409.3',
    'This response has been submitted',
    'Cette réponse a été envoyée',
    'Esta respuesta ha sido enviada',
  ),
  notAwaitingReview: problem(
    '409.4',
    'This response is not in a state that allows this review step',
    "Cette réponse n'est pas dans un état qui permet cette étape de l'examen",
    'Esta respuesta no está en un estado que permita este paso de la revisión',
  ),
  questionnaireInUse: problem(
    '409.5',
    'Countries have started answering: the round’s questionnaire can no longer change',
    'Des pays ont commencé à répondre : le questionnaire du cycle ne peut plus changer',
    'Algunos países ya empezaron a responder: el cuestionario de la ronda ya no puede cambiar',
  ),
  linkNotValid: problem(
    '410.1',
    'This link is no longer valid',
    "Ce lien n'est plus valide",
    'Este enlace ya no es válido',
  ),
  payloadTooLarge: problem(
    '413.1',
    'The request body is too large',
    'Le corps de la requête est trop volumineux',
    'El cuerpo de la solicitud es demasiado grande',
  ),
  unsupportedMediaType: problem(
    '415.1',
    'Send the body as application/json',
    'Envoyez le corps en application/json',
    'Envíe el cuerpo como application/json',
  ),
  invalidAnswers: problem(
    '422.1',
    'Some answers are not valid',
    'Certaines réponses ne sont pas valides',
    'Algunas respuestas no son válidas',
  ),
  unprocessable: problem(
    '422.2',
    'The request cannot be carried out as sent',
    'La requête ne peut pas être exécutée telle quelle',
    'La solicitud no puede ejecutarse tal como se envió',
  ),
  weakPassword: problem(
    '422.3',
    'Choose a password that is harder to guess',
    'Choisissez un mot de passe plus difficile à deviner',
    'Elija una contraseña más difícil de adivinar',
  ),
  tooManyRequests: problem(
    '429.1',
    'Too many requests, try again later',
    'Trop de requêtes, réessayez plus tard',
    'Demasiadas solicitudes, inténtelo más tarde',
  ),
  internal: problem('500.1', 'Internal error', 'Erreur interne', 'Error interno'),
  databaseUnavailable: problem(
    '503.1',
    'The database does not answer',
    'La base de données ne répond pas',
    'La base de datos no responde',
  ),
  databaseCannotWrite: problem(
    '503.2',
    'The database cannot store anything now',
    "La base de données ne peut rien enregistrer pour l'instant",
    'La base de datos no puede guardar nada por ahora',
  ),
} satisfies Record<string, ProblemSpec>;

// Details that several places give, or that respondents meet (they speak the three languages).
export const problemDetails = {
  mergeAndSaveAgain: {
    en: 'Merge your changes with the current answers and save again',
    fr: 'Fusionnez vos modifications avec les réponses actuelles et enregistrez de nouveau',
    es: 'Combine sus cambios con las respuestas actuales y guarde de nuevo',
  },
  declarationSubmitted: {
    en: 'This declaration has been submitted',
    fr: 'Cette déclaration a été envoyée',
    es: 'Esta declaración ha sido enviada',
  },
  linkWithdrawn: {
    en: 'This link has been withdrawn',
    fr: 'Ce lien a été retiré',
    es: 'Este enlace ha sido retirado',
  },
  linkExpired: { en: 'This link has expired', fr: 'Ce lien a expiré', es: 'Este enlace ha caducado' },
  sendJson: {
    en: 'Send one as application/json ({} when there is nothing to say)',
    fr: "Envoyez-en un en application/json ({} s'il n'y a rien à dire)",
    es: 'Envíe uno como application/json ({} si no hay nada que decir)',
  },
  sendCsv: {
    en: 'Send the file as text/csv',
    fr: 'Envoyez le fichier en text/csv',
    es: 'Envíe el archivo como text/csv',
  },
  queryMismatch: {
    en: 'The query string does not match its schema',
    fr: 'La chaîne de requête ne correspond pas à son schéma',
    es: 'La cadena de consulta no corresponde a su esquema',
  },
  undecodableBody: {
    en: 'Its Content-Encoding does not decode',
    fr: 'Son Content-Encoding ne se décode pas',
    es: 'Su Content-Encoding no se puede decodificar',
  },
} satisfies Record<string, LocalizedText>;

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
  /** The detail in English (undefined when there is none). */
  readonly detail?: string;
  /** The detail in every language, when it came from problemDetails. */
  private readonly localizedDetail?: LocalizedText;
  /** The first maxListedErrors field errors; `errorsOmitted` in `extra` counts the others. */
  readonly errors: FieldError[];

  constructor(
    readonly problem: ProblemName,
    detail?: string | LocalizedText,
    errors: FieldError[] = [],
    options?: { cause?: unknown; extra?: Record<string, unknown> },
  ) {
    const english = typeof detail === 'string' ? detail : detail?.en;
    super(english ?? problems[problem].title.en, options);
    this.detail = english;
    this.localizedDetail = typeof detail === 'string' ? undefined : detail;
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

  /** The detail in `locale` when the catalogue has it there, else as given. */
  detailIn(locale: Locale): string | undefined {
    return this.localizedDetail?.[locale] ?? this.detail;
  }
}
