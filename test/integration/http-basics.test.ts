// The HTTP edge every route shares: probes, unknown routes, request ids, security headers,
// compression, and versioned assets cached for a long time.
import { setupTestApp, type TestApp } from '../helpers/test-app';
import { request } from '../helpers/http';

const testApp = setupTestApp();
let app: TestApp;
beforeAll(() => {
  app = testApp();
});

describe('When a probe calls', () => {
  it('then /healthz says the process is up and /readyz that the database answers', async () => {
    expect(await request(`${app.baseUrl}/healthz`)).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await request(`${app.baseUrl}/readyz`)).toMatchObject({ status: 200, body: { status: 'ready' } });
  });
});

describe('When a route does not exist', () => {
  it('then the answer is a 404 problem+json with a request id', async () => {
    const reply = await request(`${app.baseUrl}/api/nothing-here`, { headers: { 'X-Request-Id': 'trace-42' } });
    expect(reply.status).toBe(404);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(reply.body).toMatchObject({ code: '404.1', instance: '/api/nothing-here' });
    expect(reply.headers.get('x-request-id')).toBe('trace-42');
  });
});

describe('When a known address is asked with a method it does not answer', () => {
  it('then the answer is a 405 problem+json with an Allow header listing the methods it answers', async () => {
    const reply = await request(`${app.baseUrl}/api/accounts`, { method: 'PUT' });
    expect(reply.status).toBe(405);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(reply.body).toMatchObject({ code: '405.1', instance: '/api/accounts' });
    expect(reply.headers.get('allow')).toBe('GET, HEAD, POST');

    const withParameter = await request(`${app.baseUrl}/api/rounds/anything/overview`, { method: 'DELETE' });
    expect(withParameter.status).toBe(405);
    expect(withParameter.headers.get('allow')).toBe('GET, HEAD');

    // "invitations" is not a partner id: only the invitations route answers there.
    const literal = await request(`${app.baseUrl}/api/partner-declarations/invitations`);
    expect(literal.status).toBe(405);
    expect(literal.headers.get('allow')).toBe('POST');
  });

  it('then a method the address answers, or an unknown address, is not a 405', async () => {
    expect((await request(`${app.baseUrl}/api/accounts`)).status).toBe(401);
    expect((await request(`${app.baseUrl}/api/nothing-here`, { method: 'PUT' })).status).toBe(404);
  });
});

describe('When the respondent page is loaded', () => {
  it('then it is served with security headers, and its assets are compressed and cached for a year', async () => {
    const page = await request(`${app.baseUrl}/r/a1-pilot?lang=es`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html lang="es">');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const assets = [...String(page.body).matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(5);
    for (const asset of assets) {
      const res = await fetch(`${app.baseUrl}${asset}`, { headers: { 'Accept-Encoding': 'br, gzip' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
      const size = (await res.arrayBuffer()).byteLength;
      // compression leaves tiny files (under 1 KB) alone
      if (size > 1024) expect(['br', 'gzip']).toContain(res.headers.get('content-encoding'));
    }
  });

  it('then its offline service worker may control /respond/ only, and is a script of this site', async () => {
    const page = await request(`${app.baseUrl}/r/a1-pilot`);
    const worker = /data-service-worker="(\/assets\/[^"]+\/respondent-sw\.js)"/.exec(String(page.body))?.[1];
    expect(worker).toBeDefined();
    const res = await fetch(`${app.baseUrl}${worker}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('service-worker-allowed')).toBe('/respond/');
    // Other assets grant no scope.
    const css = /href="(\/assets\/[^"]+\/respondent\.css)"/.exec(String(page.body))?.[1];
    expect((await fetch(`${app.baseUrl}${css}`)).headers.get('service-worker-allowed')).toBeNull();
  });

  it('then an unknown form gets a 404', async () => {
    expect((await request(`${app.baseUrl}/r/unknown-form`)).status).toBe(404);
  });
});
