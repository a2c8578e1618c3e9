// autocannon request hooks for the draft-save load of scripts/bench-responses.ts. They run in
// autocannon's worker thread, which can only load functions from files (hence this module);
// their data comes through the environment (CAPGAP_BENCH_TOKENS, CAPGAP_BENCH_ANSWERS).
// Each connection takes a country link of its own and saves on top of its own last revision,
// so every save succeeds: no 409 from a colleague in this measurement.
interface Context {
  token?: string;
  revision?: number;
}

interface Request {
  method?: string;
  path?: string;
  body?: string;
  headers?: Record<string, string>;
}

let connectionsSeen = 0;

export function setupRequest(request: Request, context: Context): Request {
  if (!context.token) {
    const tokens: string[] = JSON.parse(process.env.CAPGAP_BENCH_TOKENS ?? '[]');
    context.token = tokens[connectionsSeen++ % tokens.length];
    context.revision = 0;
  }
  const answers = JSON.parse(process.env.CAPGAP_BENCH_ANSWERS ?? '{}');
  answers.a1_importance = 1 + ((context.revision ?? 0) % 5); // a real change at every save
  return {
    ...request,
    method: 'PUT',
    path: `/api/respondent/${context.token}/draft`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ answers, baseRevision: context.revision }),
  };
}

export function onResponse(status: number, body: string, context: Context): void {
  if (status === 200) context.revision = JSON.parse(body).revision;
}
