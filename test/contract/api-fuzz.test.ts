// The published API contract, fuzzed: Schemathesis reads /api/openapi.json and sends generated
// requests — valid and invalid — to every operation of the running app, signed in as an admin
// with the CSRF header, over the demo data (its round, countries, partners, focal points and
// match run are offered as path parameters, so that most requests reach real records). It fails
// on any 5xx, on an answer whose status, media type or body its operation does not document, on
// a schema-violating request that is accepted, on an undeclared method not answered 405, and on
// an operation that answers without the sign-in it requires.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoPassword } from '../../server/auth/password-policy';
import { seedReferenceData } from '../../server/reference/seed-reference';
import { seedDemo } from '../../server/rounds/seed-demo';
import { postJson, request } from '../helpers/http';
import { installSchemathesis } from '../helpers/schemathesis';
import { setupTestApp, type TestApp } from '../helpers/test-app';

const testApp = setupTestApp();
let app: TestApp;

// Positive data acceptance is left out: a schema-valid request may still break a business rule
// (an incomplete questionnaire, a partner whose indicators are not of its area) and get its 422.
const checks = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_schema_conformance',
  'negative_data_rejection',
  'unsupported_method',
  'missing_required_header',
  'ignored_auth',
];
/** Requests per operation and phase; SCHEMATHESIS_EXAMPLES raises it for a longer run. */
const maxExamples = Number(process.env.SCHEMATHESIS_EXAMPLES ?? 15);

interface Ids {
  roundId: string;
  countries: string[];
  tokens: string[];
  partners: string[];
  focalPoints: string[];
  groups: string[];
  runNumbers: string[];
  matches: string[];
}

const toml = (value: string) => JSON.stringify(value);
const list = (values: string[]) => `[${values.map(toml).join(', ')}]`;

/** Schemathesis's configuration: the session, and the demo's identifiers as path parameters. */
function configuration(cookie: string, csrf: string, ids: Ids): string {
  const dictionaries: Record<string, string[]> = {
    round: [ids.roundId],
    country: ids.countries,
    token: ids.tokens,
    // Partners (their declarations share their ids) and focal points.
    record: [...ids.partners, ...ids.focalPoints],
    group: ids.groups,
    run: ids.runNumbers,
    match: ids.matches,
    // The open pilot questionnaire and the round's one.
    form: ['a1-pilot', 'capacity'],
  };
  // A share of the requests keep generated values: unknown records must get their 404.
  const parameters: Record<string, [string, number]> = {
    'path.roundId': ['round', 0.8],
    'path.country': ['country', 0.8],
    'path.iso3': ['country', 0.8],
    'path.token': ['token', 0.7],
    'path.id': ['record', 0.6],
    'path.code': ['group', 0.8],
    'path.n': ['run', 0.8],
    'path.matchId': ['match', 0.8],
    'path.formId': ['form', 0.8],
  };
  return [
    `[auth.openapi.sessionCookie]\napi_key = ${toml(cookie)}`,
    `[auth.openapi.csrfHeader]\napi_key = ${toml(csrf)}`,
    `[generation]\nmax-examples = ${maxExamples}`,
    ...Object.entries(dictionaries)
      .filter(([, values]) => values.length > 0)
      .map(([name, values]) => `[dictionaries.${name}]\nvalues = ${list(values)}`),
    '[parameters]',
    ...Object.entries(parameters)
      .filter(([, [dictionary]]) => dictionaries[dictionary].length > 0)
      .map(([key, [dictionary, p]]) => `${toml(key)} = { dictionary = ${toml(dictionary)}, probability = ${p} }`),
  ].join('\n\n');
}

/** Runs in `dir`, where Schemathesis keeps its cache. */
function runSchemathesis(dir: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // Asynchronous: this very process serves the requests.
    const env = { ...process.env, NO_COLOR: '1', COLUMNS: '120' };
    const child = spawn(installSchemathesis(), args, { cwd: dir, env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

beforeAll(async () => {
  app = testApp();
  await seedReferenceData();
});

describe('When Schemathesis fuzzes every operation of the OpenAPI document as an admin', () => {
  it(
    'then no answer is a server error or strays from what its operation documents',
    async () => {
      const demo = await seedDemo(app.forms, app.config.publicUrl);
      const signIn = await postJson(`${app.baseUrl}/api/session`, {
        email: 'admin@capgap.example',
        password: demoPassword,
      });
      expect(signIn.status).toBe(201);
      const cookie = /capgap_session=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')![1];
      const csrf = String(signIn.body.csrfToken);
      const get = async (p: string) =>
        (await request(`${app.baseUrl}${p}`, { headers: { Cookie: `capgap_session=${cookie}` } })).body;

      const roundId = demo.round.id;
      const run = (await get(`/api/rounds/${roundId}/matching/runs/latest`)).run as {
        n: number;
        matches: { id: string }[];
      };
      const ids: Ids = {
        roundId,
        countries: demo.links.map((l) => l.iso3),
        tokens: demo.links.map((l) => l.token),
        partners: ((await get('/api/partners')).partners as { id: string }[]).map((p) => p.id),
        focalPoints: ((await get(`/api/rounds/${roundId}/focal-points`)).focalPoints as { id: string }[]).map(
          (f) => f.id,
        ),
        groups: ((await get('/api/reference/groups')).groups as { code: string }[]).slice(0, 5).map((g) => g.code),
        runNumbers: [String(run.n)],
        matches: run.matches.slice(0, 10).map((m) => m.id),
      };
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capgap-fuzz-'));
      const config = path.join(dir, 'schemathesis.toml');
      fs.writeFileSync(config, configuration(cookie, csrf, ids));

      const { code, output } = await runSchemathesis(dir, [
        '--config-file',
        config,
        'run',
        `${app.baseUrl}/api/openapi.json`,
        '--checks',
        checks.join(','),
        // Signing out would end the fuzzer's own session.
        '--exclude-operation-id',
        'deleteSession',
        '--workers',
        '2',
        '--seed',
        process.env.SCHEMATHESIS_SEED ?? '20261201',
        '--report',
        'junit',
        '--report-dir',
        dir,
      ]);
      const summary = output
        .split('\n')
        .filter((l) => l.length < 160 && /Selected:|Tested:|generated|passed|failed/.test(l));
      process.stdout.write(`[schemathesis] ${summary.map((l) => l.trim()).join(' | ')}\n`);
      // Warnings do not fail the run (e.g. business rules refusing most generated bodies): shown for a reader.
      const warnings = /={5,} WARNINGS ={5,}\n([\s\S]*?)\n={5,}/.exec(output)?.[1];
      if (warnings) process.stdout.write(`[schemathesis] warnings:\n${warnings.trim()}\n`);
      if (code !== 0) throw new Error(`Schemathesis found problems (exit ${code}):\n${output.slice(-20_000)}`);
      expect(output).toMatch(/Tested:\s+\d+/);
    },
    20 * 60_000,
  );
});
