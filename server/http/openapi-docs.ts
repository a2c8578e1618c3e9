// The page of the OpenAPI document at /api/docs: Swagger UI (from this site's asset store,
// started by an external script, so the content security policy stays as it is), over a list
// rendered on the server for browsers without JavaScript: the operations by group, each with its
// method and path, what it does, its role, parameters, request body schema (linked to
// /api/schemas) and the answers it can give.
import { escapeHtml as e } from './html';

/** The asset URLs of the page's Swagger UI, and the header state changes carry the CSRF token in. */
export interface DocsPageAssets {
  script: string;
  styles: string;
  starter: string;
  csrfHeader: string;
}

interface Operation {
  summary: string;
  description?: string;
  tags: string[];
  'x-required-role'?: string;
  parameters?: { name: string; in: string; schema: object }[];
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, { description: string }>;
}

export function renderOpenApiDocs(
  doc: {
    info: { title: string; version: string; description: string };
    tags: { name: string; description: string }[];
    paths: Record<string, Record<string, Operation>>;
  },
  assets: DocsPageAssets,
): string {
  // The groups in the document's order, each with its operations in the order the document lists them.
  const byTag = new Map<string, string[]>(doc.tags.map((t) => [t.name, []]));
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = op.tags[0];
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationHtml(method, path, op)]);
    }
  }
  const tagDescriptions = new Map(doc.tags.map((t) => [t.name, t.description]));
  const sections = [...byTag.entries()]
    .filter(([, ops]) => ops.length)
    .map(
      ([tag, ops]) =>
        `<section><h2>${e(tag)}</h2>${tagDescriptions.has(tag) ? `<p>${e(tagDescriptions.get(tag)!)}</p>` : ''}${ops.join('')}</section>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(doc.info.title)} API ${e(doc.info.version)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${e(assets.styles)}">
<script src="${e(assets.script)}" defer></script>
<script src="${e(assets.starter)}" defer></script></head>
<body><div id="swagger-ui" data-spec-url="/api/openapi.json" data-csrf-header="${e(assets.csrfHeader)}"></div>
<main id="api-list"><h1>${e(doc.info.title)} API ${e(doc.info.version)}</h1>
<p>${e(doc.info.description)}</p>
<p>The machine-readable contract: <a href="/api/openapi.json">OpenAPI 3.1 document</a>; the JSON Schemas: <a href="/api/schemas">/api/schemas</a>.</p>
${sections}</main></body></html>`;
}

function operationHtml(method: string, path: string, op: Operation): string {
  const params = (op.parameters ?? []).map(
    (p) => `<li>${e(p.in)} <code>${e(p.name)}</code>: <code>${e(JSON.stringify(p.schema))}</code></li>`,
  );
  const body = Object.entries(op.requestBody?.content ?? {}).map(([type, { schema }]) => {
    const name = schema.$ref?.split('/').pop();
    const what = name ? `<a href="/api/schemas/${e(name)}">${e(name)}</a>` : 'any';
    return `<li>body ${e(type)}: ${what}</li>`;
  });
  const responses = Object.entries(op.responses).map(([status, r]) => `<li>${e(status)}: ${e(r.description)}</li>`);
  // The description ends with the role an operation needs (openapi.ts); the others say they need none.
  const about = [op.description, op['x-required-role'] ? '' : 'No sign-in needed.'].filter(Boolean).join(' ');
  return `<article><h3>${e(op.summary)}: <code>${e(method.toUpperCase())} ${e(path)}</code></h3><p>${e(about)}</p>
<ul>${[...params, ...body].join('')}</ul><ul>${responses.join('')}</ul></article>`;
}
