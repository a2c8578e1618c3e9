// The API contract at /api/openapi.json: every route under /api is in it with the checks it
// really runs, and the document is valid OpenAPI 3.1: the official schema says so
// (@seriousme/openapi-schema-validator), its references and parameters hold together, and every
// schema in it compiles as JSON Schema 2020-12, the dialect of OpenAPI 3.1.
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { checkAnswers } from '../../server/http/answer-check';
import { errorHandler } from '../../server/http/error-handler';
import { openApiPath, operationMeta } from '../../server/http/openapi';
import { respondsWith } from '../../server/http/operation-meta';
import { routeTable } from '../../server/http/route-table';
import { projectRoot } from '../../server/paths';
import { requestSchemas, responseSchemas } from '../../server/published-schemas';
import { roundCreateSchema } from '../../server/rounds/round.schemas';
import { request } from '../helpers/http';
import { validateOpenApi } from '../helpers/openapi-validator';
import { setupTestApp, type TestApp } from '../helpers/test-app';

const testApp = setupTestApp();
let app: TestApp;
let doc: any;
beforeAll(async () => {
  app = testApp();
  const reply = await request(`${app.baseUrl}/api/openapi.json`);
  expect(reply.status).toBe(200);
  doc = reply.body;
});

/** How many `router.<method>('/api…'` (or `${base}…`, a base under /api) the server's sources declare. */
function declaredApiRoutes(): number {
  const files = fs.readdirSync(path.join(projectRoot, 'server'), { recursive: true, encoding: 'utf8' });
  return files
    .filter((file) => file.endsWith('.ts'))
    .map((file) => fs.readFileSync(path.join(projectRoot, 'server', file), 'utf8'))
    .reduce(
      (n, text) => n + (text.match(/router\.(get|post|put|patch|delete)\(\s*['`](\/api\/|\$\{base\})/g) ?? []).length,
      0,
    );
}

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const operations = () =>
  Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op })),
  );

describe('When the app answers a route under /api', () => {
  it('then the document describes that method and path, and nothing the app does not answer', () => {
    const routes = routeTable(app.app)
      .filter((r) => r.path.startsWith('/api/'))
      .map((r) => `${r.method} ${openApiPath(r.path)}`);
    // Independently of the walk: as many routes as the sources declare under /api (a router
    // left unmounted, or mounted where the walk cannot see it, makes the counts differ).
    expect(routes.length).toBe(declaredApiRoutes());
    expect(routes).toContain('post /api/rounds/{roundId}/focal-points/import');
    const documented = operations().map((o) => `${o.method} ${o.path}`);
    expect([...documented].sort()).toEqual([...new Set(routes)].sort());
  });
});

describe('When a route under /api declares no success answer (respondsWith, respondsEmpty, respondsWithFile)', () => {
  it('then it is named here, so that no route skips its contract', () => {
    const undeclared = routeTable(app.app)
      .filter((r) => r.path.startsWith('/api/') && !operationMeta(r.handlers).success)
      .map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(undeclared).toEqual([]);
  });

  it('then every operation in the document gives its precise success status, and no catch-all', () => {
    for (const { path, method, op } of operations()) {
      const statuses = Object.keys(op.responses);
      expect([`${method} ${path}`, statuses.some((s) => /^[23]\d\d$/.test(s))]).toEqual([`${method} ${path}`, true]);
      expect(statuses).not.toContain('default');
      expect(statuses).not.toContain('2XX');
      expect(statuses).toContain('503');
    }
  });
});

describe('When an answer does not match what its route declares', () => {
  it('then the app, checking answers as in tests, answers 500 and reports the mismatch and any undeclared status', async () => {
    const violations: string[] = [];
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const probe = express();
    probe.use(checkAnswers(violations));
    const answer = respondsWith({ type: 'object', required: ['id'] }, { tag: 'API contract', summary: 'A probe' });
    probe.get('/api/probe', answer, (req, res) => {
      if (req.query.status) res.status(Number(req.query.status)).end();
      else res.json({ name: 'no id' });
    });
    probe.use(errorHandler);
    const server = await new Promise<Server>((resolve) => {
      const s = probe.listen(0, '127.0.0.1', () => resolve(s));
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect((await request(`${base}/api/probe`)).status).toBe(500);
      expect((await request(`${base}/api/probe?status=202`)).status).toBe(202);
    } finally {
      server.close();
    }
    expect(violations).toEqual([
      "GET /api/probe: the 200 body does not match its schema: / must have required property 'id'",
      'GET /api/probe: answered 500, which it does not declare',
      'GET /api/probe: answered 202, which it does not declare',
    ]);
  });
});

describe('When an integrator browses the operations', () => {
  it('then every operation says what it does in a line of its own, and sits in a group the document lists', () => {
    const tags = (doc.tags as { name: string; description: string }[]).map((t) => t.name);
    expect(tags.slice(0, 2)).toEqual(['Session and accounts', 'Rounds']);
    for (const tag of doc.tags) expect(tag.description).toEqual(expect.any(String));
    const undescribed = operations()
      .filter(({ path, method, op }) => {
        const said = typeof op.summary === 'string' && op.summary.length > 0 && op.summary.length <= 80;
        const echoesPath = op.summary.toUpperCase().includes(path.toUpperCase()) || op.summary.includes('/api/');
        const grouped = op.tags?.length === 1 && tags.includes(op.tags[0]);
        return !said || echoesPath || op.summary.startsWith(method.toUpperCase() + ' ') || !grouped;
      })
      .map(({ path, method, op }) => `${method.toUpperCase()} ${path}: ${op.summary} [${op.tags}]`);
    expect(undescribed).toEqual([]);
    // Every group listed holds operations, and summaries tell operations apart.
    expect(tags.filter((tag) => !operations().some(({ op }) => op.tags[0] === tag))).toEqual([]);
    const summaries = operations().map(({ op }) => op.summary);
    expect(summaries.filter((s, i) => summaries.indexOf(s) !== i)).toEqual([]);
  });

  it('then an operation for signed-in people ends its description with the role it needs', () => {
    for (const { op } of operations()) {
      if (op['x-required-role'])
        expect(op.description).toMatch(
          new RegExp(`Needs the ${op['x-required-role']} role \\(or a stronger one\\)\\.$`),
        );
    }
    const create = doc.paths['/api/rounds'].post;
    expect(create.summary).toBe('Create a round');
    expect(create.tags).toEqual(['Rounds']);
    expect(create.description).toMatch(
      /^With its capacity questionnaire.*\(audited\)\. Needs the organizer role \(or a stronger one\)\.$/,
    );
    expect(doc.paths['/api/partners/import'].post.description).toContain('All-or-nothing unless ?validOnly=true');
  });
});

describe('When a route validates its input', () => {
  it('then the document gives the very schemas, role and problems the route checks', () => {
    const create = doc.paths['/api/rounds'].post;
    expect(create.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/round-create',
    });
    expect(doc.components.schemas['round-create']).toEqual(JSON.parse(JSON.stringify(roundCreateSchema)));
    expect(create['x-required-role']).toBe('organizer');
    expect(create.security).toEqual([{ sessionCookie: [], csrfHeader: [] }]);
    // The real success status, and every problem the route can answer: its checks' and its own (422).
    expect(Object.keys(create.responses)).toEqual(['201', '400', '401', '403', '413', '415', '422', '503']);
    expect(create.responses['201'].content['application/json'].schema.required).toEqual(['round']);
    expect(create.responses['403'].content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/Problem',
    });

    const partners = doc.paths['/api/partners'].get;
    expect(partners.parameters).toEqual([
      { name: 'archived', in: 'query', required: false, schema: { type: 'string', enum: ['true', 'false'] } },
    ]);
    expect(partners.security).toEqual([{ sessionCookie: [] }]);

    const signIn = doc.paths['/api/session'].post;
    expect(signIn.security).toEqual([]);
    expect(signIn.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/sign-in' });
    expect(doc.paths['/api/partners/import'].post.requestBody.content['text/csv']).toBeDefined();

    // Files, bodiless and accepted answers, and the problems a route's own code answers.
    expect(Object.keys(doc.paths['/api/partners/export.{format}'].get.responses['200'].content)).toEqual([
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(doc.paths['/api/session'].delete.responses['204'].content).toBeUndefined();
    expect(doc.paths['/api/links/resend'].post.responses['202']).toBeDefined();
    // A JSON answer carries an ETag, so a conditional GET may get 304; a streamed file does not.
    expect(doc.paths['/api/rounds'].get.responses['304']).toBeDefined();
    expect(doc.paths['/api/partners/export.{format}'].get.responses['304']).toBeUndefined();
    expect(Object.keys(doc.paths['/api/session'].post.responses)).toEqual([
      '201',
      '400',
      '401',
      '413',
      '415',
      '429',
      '503',
    ]);
    const draft = doc.paths['/api/respondent/{token}/draft'].put.responses;
    expect(Object.keys(draft)).toEqual(['200', '400', '404', '409', '410', '413', '415', '422', '503']);
    expect(draft['409'].description).toContain('409.2 Someone saved this response meanwhile');

    const overview = doc.paths['/api/rounds/{roundId}/overview'].get;
    expect(overview.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/round-overview',
    });
  });
});

describe('When someone opens /api/docs', () => {
  it('then a page from this site lists every operation without JavaScript, loads Swagger UI from the asset store, and keeps the usual security policy', async () => {
    const page = await request(`${app.baseUrl}/api/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    // Scripts are files of this site only (no inline script), served hashed for a year, compressed.
    const scripts = [...(page.body as string).matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.map((m) => m[2].trim())).toEqual(['', '']);
    const urls = [...(page.body as string).matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls).toHaveLength(3);
    for (const url of urls) {
      const asset = await fetch(`${app.baseUrl}${url}`, { headers: { 'Accept-Encoding': 'br' } });
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(asset.headers.get('content-encoding')).toBe('br');
    }
    expect(page.body).toContain('<html lang="en">');
    for (const { path, method, op } of operations())
      expect(page.body).toContain(`${op.summary}: <code>${method.toUpperCase()} ${path}</code>`);
    expect(page.body).toContain('<h2>Session and accounts</h2>');
    expect(page.body).toContain('<a href="/api/schemas/round-create">round-create</a>');
  });
});

// Last: compiling every schema keeps the event loop busy for seconds.
describe('When the document is read as OpenAPI 3.1', () => {
  it('then the official OpenAPI 3.1 schema finds it valid, and would say so of a broken one', async () => {
    expect(await validateOpenApi(doc)).toEqual({ valid: true });
    // The check has teeth: a parameter in a place OpenAPI 3.1 does not have (2.0's "body").
    const broken = structuredClone(doc);
    broken.paths['/api/partners'].get.parameters[0].in = 'body';
    const verdict = await validateOpenApi(broken);
    expect(verdict.valid).toBe(false);
    expect(JSON.stringify(verdict.errors)).toContain('/paths/~1api~1partners/get/parameters/0/in');
  });

  it('then its structure, references, parameters and operation ids hold together', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toEqual(expect.objectContaining({ title: 'capgap', version: expect.any(String) }));
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Problem', ...[...requestSchemas, ...responseSchemas].map((s) => s.$id)]),
    );
    for (const name of Object.keys(doc.components.schemas)) expect(name).toMatch(/^[a-zA-Z0-9._-]+$/);

    const ids = new Set<string>();
    for (const { path, method, op } of operations()) {
      expect(path).toMatch(/^\/api\//);
      expect(methods).toContain(method);
      expect(ids.has(op.operationId)).toBe(false);
      ids.add(op.operationId);
      // Each {template} in the path has exactly one required path parameter, and no more.
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const inPath = (op.parameters ?? []).filter((p: any) => p.in === 'path');
      expect(inPath.map((p: any) => p.name).sort()).toEqual(templated);
      for (const p of inPath) expect(p.required).toBe(true);
      expect(Object.keys(op.responses).length).toBeGreaterThan(0);
      for (const [status, response] of Object.entries<any>(op.responses)) {
        expect(status).toMatch(/^([1-5](\d\d|XX)|default)$/);
        expect(typeof response.description).toBe('string');
      }
      for (const requirement of op.security) {
        for (const scheme of Object.keys(requirement)) expect(doc.components.securitySchemes[scheme]).toBeDefined();
      }
    }
    // Every local $ref points at something in the document.
    const refs = JSON.stringify(doc.paths).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) {
      const pointer = JSON.parse(`{${ref}}`).$ref as string;
      expect(pointer).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[pointer.split('/').pop()!]).toBeDefined();
    }
  });

  it('then every schema in it compiles as JSON Schema 2020-12', () => {
    const schemas = [
      ...Object.values<object>(doc.components.schemas),
      ...operations().flatMap(({ op }) => [
        ...(op.parameters ?? []).map((p: any) => p.schema),
        ...Object.values<any>(op.requestBody?.content ?? {}).map((c) => c.schema),
        ...Object.values<any>(op.responses).flatMap((r) => Object.values<any>(r.content ?? {}).map((c) => c.schema)),
      ]),
    ].filter((s) => !('$ref' in s));
    for (const schema of schemas) {
      // One instance per schema: the components carry their own $id.
      const ajv = new Ajv2020({ strict: false });
      addFormats(ajv);
      expect(() => ajv.compile(schema)).not.toThrow();
    }
  });
});
