// Builds the OpenAPI 3.1 document of the JSON API from the app's own route table: each route's
// body schema, query schema and role are the ones its middleware checks (operation-meta.ts), the
// published schemas become components, and problems are answered as application/problem+json
// with the codes of the catalogue; each operation's group, summary and description are the ones
// its route declares with its answer. Nothing is written twice, so the document cannot drift from
// what the routes enforce.
import type { Application } from 'express';
import { apiTags } from './api-tags';
import { handlerMeta, type OperationMeta } from './operation-meta';
import { pathParameterSchemas } from './path-parameters';
import { problems, type ProblemName } from './problem';
import { routeTable, type RouteEntry } from './route-table';
import { csvRoutes } from './validate';

export interface OpenApiInput {
  title: string;
  version: string;
  /** Schemas published at /api/schemas, each with its $id: they become components.schemas. */
  schemas: readonly { $id: string }[];
  /** Name of the session cookie and of the CSRF header that state changes must carry. */
  sessionCookie: string;
  csrfHeader: string;
  /** The document's `webhooks`: the requests the service makes to receivers (OpenAPI 3.1). */
  webhooks?: Record<string, object>;
}

type Json = Record<string, unknown>;

const safeMethods = new Set(['get', 'head', 'options']);
const bodyMethods = new Set(['post', 'put', 'patch']);

const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', description: 'The catalogue code: the HTTP status, a dot, a number' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

/** The document for every route of the app under /api. */
export function buildOpenApi(app: Application, input: OpenApiInput): Json {
  const published = new Set(input.schemas.map((s) => s.$id));
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routeTable(app)) {
    if (!route.path.startsWith('/api/')) continue;
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(route, path, published) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: input.title,
      version: input.version,
      description:
        'Sign in with POST /api/session; the answer sets the session cookie and gives the CSRF token, ' +
        `which every state-changing request must send in the ${input.csrfHeader} header. ` +
        'Errors are application/problem+json (RFC 9457) with a catalogue code.',
    },
    tags: apiTags.map(({ name, description }) => ({ name, description })),
    paths,
    ...(input.webhooks && { webhooks: input.webhooks }),
    components: {
      schemas: {
        Problem: problemSchema,
        ...Object.fromEntries(input.schemas.map((s) => [s.$id, s])),
      },
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: input.sessionCookie },
        csrfHeader: { type: 'apiKey', in: 'header', name: input.csrfHeader },
      },
    },
  };
}

/** Express `:name` parameters become OpenAPI `{name}` templates. */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:(\w+)/g, '{$1}');
}

/** What a route's middleware declares (operation-meta.ts), merged. */
export function operationMeta(handlers: unknown[]): OperationMeta {
  return Object.assign({}, ...handlers.map(handlerMeta).filter(Boolean)) as OperationMeta;
}

/** A status a route can answer: its description and, per media type, the schema of its body. */
export interface DeclaredAnswer {
  description: string;
  content: Record<string, object>;
}

const successDescriptions: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted (the work goes on after the answer)',
  204: 'Done; no body',
};

/**
 * Every status a route can answer: its declared success (and 304 to a conditional GET), the
 * problems its checks imply (path parameters, query, body, role), those its own code declares,
 * and the database outage any request can meet (the session is read from the database).
 */
export function declaredAnswers(method: string, expressPath: string, meta: OperationMeta): Map<number, DeclaredAnswer> {
  const names: ProblemName[] = [];
  if (expressPath.includes(':')) names.push('notFound', 'malformedUrl');
  if (meta.querySchema) names.push('invalidInput');
  if (bodyMethods.has(method)) {
    names.push('malformedJson', 'bodyRequired', 'unreadableBody', 'payloadTooLarge', 'unsupportedMediaType');
    if (meta.bodySchema) names.push(meta.bodyProblem ?? 'invalidInput');
  }
  if (meta.role) {
    names.push('notSignedIn', 'forbidden');
    if (!safeMethods.has(method)) names.push('csrfMissing');
  }
  names.push(...(meta.problems ?? []), 'databaseUnavailable', 'databaseCannotWrite');

  const answers = new Map<number, DeclaredAnswer>();
  for (const status of meta.success?.statuses ?? [])
    answers.set(status, { description: successDescriptions[status] ?? 'Success', content: meta.success!.content });
  // Express gives what it sends whole an ETag: asked again with If-None-Match, a GET may answer 304.
  const sentWhole = ['application/json', 'text/html'].some((type) => meta.success?.content[type]);
  if (method === 'get' && sentWhole)
    answers.set(304, { description: 'Not modified: the answer still has the ETag sent in If-None-Match', content: {} });
  const byStatus = new Map<number, Set<string>>();
  for (const name of names) {
    const spec = problems[name];
    byStatus.set(spec.status, (byStatus.get(spec.status) ?? new Set()).add(`${spec.code} ${spec.title.en}`));
  }
  for (const [status, titles] of byStatus)
    answers.set(status, { description: [...titles].join('; '), content: { 'application/problem+json': problemRef } });
  return answers;
}

const problemRef = { $ref: '#/components/schemas/Problem' };

function operation(route: RouteEntry, path: string, published: Set<string>): Json {
  const meta = operationMeta(route.handlers);
  const unsafe = !safeMethods.has(route.method);
  const op: Json = {
    operationId: operationId(route.method, path),
    // A route that says nothing of itself is still listed (a test names such routes).
    tags: [meta.doc?.tag ?? 'Undescribed'],
    summary: meta.doc?.summary ?? `${route.method.toUpperCase()} ${path}`,
  };
  const description = [meta.doc?.description, meta.role && `Needs the ${meta.role} role (or a stronger one).`];
  if (description.some(Boolean)) op.description = description.filter(Boolean).join(' ');
  const parameters = [...pathParameters(path), ...queryParameters(meta.querySchema)];
  if (parameters.length) op.parameters = parameters;

  if (bodyMethods.has(route.method)) {
    // Every state change under /api carries a body (requireJsonBody): a CSV file on the import
    // routes (their handler refuses anything else), JSON checked against its schema elsewhere.
    const content: Json = csvRoutes.test(route.path)
      ? { 'text/csv': { schema: { type: 'string' } } }
      : { 'application/json': { schema: meta.bodySchema ? schemaOrRef(meta.bodySchema, published) : {} } };
    op.requestBody = { required: true, content };
  }

  if (meta.role) {
    op['x-required-role'] = meta.role;
    op.security = [unsafe ? { sessionCookie: [], csrfHeader: [] } : { sessionCookie: [] }];
  } else {
    op.security = [];
  }
  op.responses = responses(declaredAnswers(route.method, route.path, meta), published);
  return op;
}

function responses(answers: Map<number, DeclaredAnswer>, published: Set<string>): Json {
  const result: Json = {};
  // A route that declares no success answer is still listed (a test names such routes).
  if (![...answers.keys()].some((s) => s < 400)) result['2XX'] = { description: 'Success (not described)' };
  for (const status of [...answers.keys()].sort()) {
    const { description, content } = answers.get(status)!;
    const response: Json = { description };
    if (Object.keys(content).length)
      response.content = Object.fromEntries(
        Object.entries(content).map(([type, schema]) => [type, { schema: schemaOrRef(schema, published) }]),
      );
    result[String(status)] = response;
  }
  return result;
}

function schemaOrRef(schema: object, published: Set<string>): object {
  const id = (schema as { $id?: unknown }).$id;
  return typeof id === 'string' && published.has(id) ? { $ref: `#/components/schemas/${id}` } : schema;
}

function pathParameters(path: string): Json[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: pathParameterSchemas[m[1]] ?? { type: 'string' },
  }));
}

function queryParameters(schema: object | undefined): Json[] {
  const properties = (schema as { properties?: Record<string, object> } | undefined)?.properties ?? {};
  return Object.entries(properties).map(([name, s]) => ({ name, in: 'query', required: false, schema: s }));
}

function operationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return [method, ...words.map((w) => w[0].toUpperCase() + w.slice(1))].join('');
}
