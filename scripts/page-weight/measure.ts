// Page weight of a page as Chromium loads it: every request of a first load (fresh browser
// context, empty HTTP cache) and of a repeat load (same context, warm cache), with the bytes
// that crossed the wire for each. Used by scripts/measure-page-weight.ts and by
// test/browser/page-weight.test.ts.
//
// The figures come from the DevTools protocol (a CDP session on the page), the same source as
// the "transferred" column of Chromium's Network panel:
//   - bytes: Network.loadingFinished.encodedDataLength, i.e. response headers + body as
//     received (compressed), so a 304 revalidation counts its real size and a cache hit 0;
//   - cache: Network.requestServedFromCache (memory cache) and response.fromDiskCache /
//     fromPrefetchCache (HTTP cache);
//   - status: the status on the wire (responseReceivedExtraInfo: 304 for a revalidation, where
//     responseReceived reports the cached 200);
//   - Accept-Encoding: the request headers Chromium really sent (requestWillBeSentExtraInfo).
// A service worker (the respondent page's offline worker) answers some of the page's requests
// itself: those count 0 on the page's side (response.fromServiceWorker), and the requests the
// worker makes to the network are counted instead (Playwright reports them on the context,
// request.serviceWorker() set; headers + encoded body as received).
// The browser's own /favicon.ico request shows up too (type Other), once per browser and origin.
//
// Brotli: Chromium advertises br only over HTTPS and to localhost (Chromium 156 sends
// "gzip, deflate, br, zstd" to http://127.0.0.1 but "gzip, deflate" to http://<LAN address>),
// so a measurement on 127.0.0.1 gets what an HTTPS deployment gets. replayLoad()
// fetches the same requests again from Node with a chosen Accept-Encoding, on the raw socket
// so that every byte is counted, to give the figure for the other case.
import net from 'node:net';
import tls from 'node:tls';
import type { Browser, BrowserContext, CDPSession, Cookie, Request } from 'playwright-core';
import type { Protocol } from 'playwright-core/types/protocol';

export interface RequestWeight {
  /** Path and query of the URL; the whole URL for another origin than the page's. */
  path: string;
  url: string;
  /** Same origin as the page (a request elsewhere costs its own DNS lookup and TLS handshake). */
  sameOrigin: boolean;
  method: string;
  /** DevTools resource type: Document, Script, Stylesheet, Fetch, … */
  type: string;
  /** Status on the wire (304 for a revalidation); 0 when the request failed. */
  status: number;
  /** Content-Encoding of the response body ('' when none). */
  encoding: string;
  /** Bytes received for this request, response headers included; 0 for a cache hit. */
  transferred: number;
  /** Served from the browser's HTTP or memory cache, or by a service worker from its own cache. */
  fromCache: boolean;
  /** Answered by the page's service worker (its network requests are listed on their own). */
  fromServiceWorker?: boolean;
  /** A request the service worker made to the network. */
  byServiceWorker?: boolean;
  /** Accept-Encoding that Chromium sent ('' when nothing was sent: cache hit). */
  acceptEncoding: string;
  /** The request headers Chromium sent, for replayLoad(). */
  requestHeaders: Record<string, string>;
  /** Why it failed, when it did. */
  error?: string;
}

export interface LoadWeight {
  url: string;
  requests: RequestWeight[];
  /** Sum of transferred over all requests. */
  totalBytes: number;
  /** How many requests went to the server, and how many were cache hits. */
  networkRequests: number;
  cacheHits: number;
  /** Accept-Encoding of the page's own (document) request. */
  documentAcceptEncoding: string;
}

/**
 * The budgets of the respondent page (kB of 1000 bytes, as Chromium's Network panel counts),
 * brotli where the browser accepts it: first load in a fresh browser, repeat load with the
 * browser's cache warm.
 */
export const budgets = { firstLoadBytes: 400_000, repeatLoadBytes: 30_000 } as const;

export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export interface PageWeight {
  first: LoadWeight;
  repeat: LoadWeight;
}

/** How long the network must stay quiet after the questionnaire is rendered. */
const quietMs = 500;
const loadTimeoutMs = 60_000;
const readySelector = 'body[data-ready="true"]';

/**
 * First load in a fresh browser context, then a repeat load in a new tab of the same context
 * (the HTTP cache is warm, as when a respondent opens the link again another day). Each load
 * waits for the questionnaire to be rendered and the network to be idle.
 */
export async function measurePageWeight(
  browser: Browser,
  url: string,
  { cookies = [] }: { cookies?: Cookie[] } = {},
): Promise<PageWeight> {
  const context = await browser.newContext();
  // A signed-in page (the console) is measured with its session cookie already set.
  if (cookies.length) await context.addCookies(cookies);
  try {
    const first = await measureLoad(context, url);
    const repeat = await measureLoad(context, url);
    return { first, repeat };
  } finally {
    await context.close();
  }
}

async function measureLoad(context: BrowserContext, url: string): Promise<LoadWeight> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const log = new NetworkLog(cdp);
    const worker = new WorkerRequests(context);
    await cdp.send('Network.enable');
    // The default, said out loud: the repeat load is about the HTTP cache.
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    await page.goto(url, { waitUntil: 'load', timeout: loadTimeoutMs });
    await page.waitForSelector(readySelector, { timeout: loadTimeoutMs });
    await page.waitForLoadState('networkidle', { timeout: loadTimeoutMs });
    await log.quiet(quietMs, loadTimeoutMs);
    await cdp.detach();
    const origin = new URL(url).origin;
    return summarize(url, [...log.requests(origin), ...(await worker.requests(origin))]);
  } finally {
    await page.close();
  }
}

function summarize(url: string, requests: RequestWeight[]): LoadWeight {
  const document = requests.find((r) => r.type === 'Document');
  return {
    url,
    requests,
    totalBytes: requests.reduce((sum, r) => sum + r.transferred, 0),
    networkRequests: requests.filter((r) => !r.fromCache).length,
    cacheHits: requests.filter((r) => r.fromCache).length,
    documentAcceptEncoding: document?.acceptEncoding ?? '',
  };
}

// ---- the DevTools protocol events of one page --------------------------------------------------

interface Entry {
  requestId: string;
  url: string;
  method: string;
  type: string;
  status?: number;
  headers?: Protocol.Network.Headers;
  servedFromCache: boolean;
  fromDiskCache: boolean;
  fromServiceWorker: boolean;
  /** Bytes seen in dataReceived, for a request that fails before loadingFinished. */
  received: number;
  transferred?: number;
  done: boolean;
  error?: string;
}

class NetworkLog {
  private readonly entries: Entry[] = [];
  private readonly current = new Map<string, Entry>();
  // Extra-info events may come before or after the main ones: keep them apart, join at the end.
  private readonly sentHeaders = new Map<string, Protocol.Network.Headers>();
  private readonly wire = new Map<string, { status: number; headers: Protocol.Network.Headers }>();
  private lastActivity = Date.now();

  constructor(cdp: CDPSession) {
    cdp.on('Network.requestWillBeSent', (e) => {
      this.touch();
      const previous = this.current.get(e.requestId);
      if (previous && e.redirectResponse) {
        // A redirect reuses the requestId: close the previous hop with its own response.
        previous.status = e.redirectResponse.status;
        previous.headers = e.redirectResponse.headers;
        previous.transferred = e.redirectResponse.encodedDataLength;
        previous.done = true;
        previous.requestId = `${e.requestId}:redirect${this.entries.length}`;
        const sent = this.sentHeaders.get(e.requestId);
        if (sent) this.sentHeaders.set(previous.requestId, sent);
        this.sentHeaders.delete(e.requestId);
        this.wire.delete(e.requestId);
      }
      const entry: Entry = {
        requestId: e.requestId,
        url: e.request.url,
        method: e.request.method,
        type: e.type ?? 'Other',
        servedFromCache: false,
        fromDiskCache: false,
        fromServiceWorker: false,
        received: 0,
        done: false,
      };
      this.entries.push(entry);
      this.current.set(e.requestId, entry);
    });
    cdp.on('Network.requestWillBeSentExtraInfo', (e) => {
      this.touch();
      this.sentHeaders.set(e.requestId, e.headers);
    });
    cdp.on('Network.requestServedFromCache', (e) => {
      this.touch();
      const entry = this.current.get(e.requestId);
      if (entry) entry.servedFromCache = true;
    });
    cdp.on('Network.responseReceived', (e) => {
      this.touch();
      const entry = this.current.get(e.requestId);
      if (!entry) return;
      entry.status = e.response.status;
      entry.headers = e.response.headers;
      entry.fromDiskCache = Boolean(e.response.fromDiskCache || e.response.fromPrefetchCache);
      entry.fromServiceWorker = Boolean(e.response.fromServiceWorker);
    });
    cdp.on('Network.responseReceivedExtraInfo', (e) => {
      this.touch();
      this.wire.set(e.requestId, { status: e.statusCode, headers: e.headers });
    });
    cdp.on('Network.dataReceived', (e) => {
      this.touch();
      const entry = this.current.get(e.requestId);
      if (entry) entry.received += e.encodedDataLength;
    });
    cdp.on('Network.loadingFinished', (e) => {
      this.touch();
      const entry = this.current.get(e.requestId);
      if (!entry) return;
      entry.transferred = e.encodedDataLength;
      entry.done = true;
    });
    cdp.on('Network.loadingFailed', (e) => {
      this.touch();
      const entry = this.current.get(e.requestId);
      if (!entry) return;
      entry.transferred = entry.received;
      entry.error = e.canceled ? `canceled (${e.errorText})` : e.errorText;
      entry.done = true;
    });
  }

  private touch(): void {
    this.lastActivity = Date.now();
  }

  /** Resolves once no request is in flight and no event came for `ms`. */
  async quiet(ms: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const pending = this.entries.filter((e) => !e.done);
      if (pending.length === 0 && Date.now() - this.lastActivity >= ms) return;
      if (Date.now() > deadline)
        throw new Error(
          `the network did not become idle: ${pending.map((e) => e.url).join(', ') || 'events kept coming'}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  requests(origin: string): RequestWeight[] {
    return this.entries.map((e) => {
      const wire = this.wire.get(e.requestId);
      const sent = this.sentHeaders.get(e.requestId) ?? {};
      const fromCache = e.servedFromCache || e.fromDiskCache || e.fromServiceWorker;
      const parsed = new URL(e.url);
      const sameOrigin = parsed.origin === origin;
      return {
        path: sameOrigin ? parsed.pathname + parsed.search : e.url,
        url: e.url,
        sameOrigin,
        method: e.method,
        type: e.type,
        status: e.error ? 0 : (wire?.status ?? e.status ?? 0),
        encoding: header(wire?.headers ?? e.headers, 'content-encoding'),
        // What the worker fetched for it is counted on the worker's request.
        transferred: e.fromServiceWorker ? 0 : (e.transferred ?? e.received),
        fromCache,
        ...(e.fromServiceWorker ? { fromServiceWorker: true } : {}),
        acceptEncoding: fromCache ? '' : header(sent, 'accept-encoding'),
        requestHeaders: Object.fromEntries(Object.entries(sent).map(([k, v]) => [k, String(v)])),
        ...(e.error ? { error: e.error } : {}),
      };
    });
  }
}

/** The network requests of service workers during one load, as Playwright reports them. */
class WorkerRequests {
  private readonly pending: Promise<RequestWeight | null>[] = [];
  private readonly onDone = (request: Request) => {
    if (request.serviceWorker()) this.pending.push(this.weigh(request));
  };

  constructor(private readonly context: BrowserContext) {
    context.on('requestfinished', this.onDone);
    context.on('requestfailed', this.onDone);
  }

  private async weigh(request: Request): Promise<RequestWeight | null> {
    const response = await request.response();
    const sizes = await request.sizes().catch(() => null);
    const sent = await request.allHeaders().catch(() => ({}) as Record<string, string>);
    const received = response ? await response.allHeaders() : {};
    const parsed = new URL(request.url());
    return {
      path: parsed.pathname + parsed.search,
      url: request.url(),
      sameOrigin: true,
      method: request.method(),
      type: `ServiceWorker ${request.resourceType()}`,
      status: response?.status() ?? 0,
      encoding: received['content-encoding'] ?? '',
      transferred: sizes ? sizes.responseHeadersSize + sizes.responseBodySize : 0,
      fromCache: false,
      byServiceWorker: true,
      acceptEncoding: sent['accept-encoding'] ?? '',
      requestHeaders: sent,
      ...(request.failure() ? { error: request.failure()?.errorText } : {}),
    };
  }

  /** The requests seen so far (sameOrigin set against the page's origin); stops listening. */
  async requests(origin: string): Promise<RequestWeight[]> {
    this.context.off('requestfinished', this.onDone);
    this.context.off('requestfailed', this.onDone);
    const all = (await Promise.all(this.pending)).filter((r): r is RequestWeight => r !== null);
    return all.map((r) => {
      const sameOrigin = new URL(r.url).origin === origin;
      return { ...r, sameOrigin, path: sameOrigin ? r.path : r.url };
    });
  }
}

function header(headers: Protocol.Network.Headers | undefined, name: string): string {
  const key = Object.keys(headers ?? {}).find((k) => k.toLowerCase() === name);
  return key ? String(headers?.[key]) : '';
}

// ---- the same requests again, from Node, with another Accept-Encoding -------------------------

export interface ReplayedRequest {
  path: string;
  /** Why it could not be sent again (then transferred is Chromium's figure). */
  error?: string;
  status: number;
  encoding: string;
  /** Every byte of the response on the socket: status line, headers, body (and chunk framing). */
  transferred: number;
  fromCache: boolean;
}

export interface ReplayedLoad {
  acceptEncoding: string;
  requests: ReplayedRequest[];
  totalBytes: number;
}

/**
 * Sends each request of `load` that reached the server again, with the headers Chromium sent
 * (conditional headers included, so a revalidation is a revalidation again) but
 * `Accept-Encoding: <acceptEncoding>`, and counts the bytes of each response. Cache hits stay 0;
 * a request that failed in Chromium, or fails again, keeps Chromium's figure and its error.
 */
export async function replayLoad(load: LoadWeight, acceptEncoding: string): Promise<ReplayedLoad> {
  const requests: ReplayedRequest[] = [];
  for (const r of load.requests) {
    if (r.fromCache) {
      requests.push({ path: r.path, status: r.status, encoding: r.encoding, transferred: 0, fromCache: true });
      continue;
    }
    const keep = (error: string) =>
      requests.push({
        path: r.path,
        status: r.status,
        encoding: r.encoding,
        transferred: r.transferred,
        fromCache: false,
        error,
      });
    if (r.error) {
      keep(`failed in Chromium: ${r.error}`);
      continue;
    }
    if (r.method !== 'GET') {
      keep(`not replayed: ${r.method}`);
      continue;
    }
    try {
      const headers = Object.fromEntries(
        Object.entries(r.requestHeaders).filter(([name]) => name.toLowerCase() !== 'accept-encoding'),
      );
      const response = await rawGet(r.url, { ...headers, 'Accept-Encoding': acceptEncoding });
      requests.push({
        path: r.path,
        status: response.status,
        encoding: response.encoding,
        transferred: response.bytes,
        fromCache: false,
      });
    } catch (err) {
      keep(err instanceof Error ? err.message : String(err));
    }
  }
  return { acceptEncoding, requests, totalBytes: requests.reduce((sum, r) => sum + r.transferred, 0) };
}

/** One GET on a fresh connection (closed by the server after the response): all its bytes. */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; encoding: string; bytes: number }> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  const port = Number(target.port || (secure ? 443 : 80));
  const lines = [`GET ${target.pathname}${target.search} HTTP/1.1`];
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith(':') || ['connection', 'keep-alive', 'host'].includes(name.toLowerCase())) continue;
    lines.push(`${name}: ${value}`);
  }
  lines.push(`Host: ${target.host}`, 'Connection: close', '', '');
  return new Promise((resolve, reject) => {
    const socket = secure
      ? tls.connect({ host: target.hostname, port, servername: target.hostname, rejectUnauthorized: false })
      : net.connect({ host: target.hostname, port });
    const chunks: Buffer[] = [];
    socket.setTimeout(30_000, () => socket.destroy(new Error(`no complete response from ${url} within 30 s`)));
    socket.once(secure ? 'secureConnect' : 'connect', () => socket.write(lines.join('\r\n')));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('error', reject);
    socket.once('close', () => {
      const raw = Buffer.concat(chunks);
      const head = raw.subarray(0, Math.max(0, raw.indexOf('\r\n\r\n'))).toString('latin1');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      if (!status) return reject(new Error(`no HTTP response from ${url}`));
      const encoding = /^content-encoding:\s*(.+)$/im.exec(head)?.[1].trim() ?? '';
      resolve({ status, encoding, bytes: raw.length });
    });
  });
}
