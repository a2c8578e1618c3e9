// Static files of the respondent page, built for slow connections. Each file is served under
// a URL that carries its content hash (/assets/<hash>/<name>), so browsers cache it for a year
// and a repeat visit downloads none of it. Each is also precompressed once with brotli at its
// highest quality and gzip (kept in .cache/assets, keyed by hash): on-the-fly compression is
// much weaker, and SurveyJS alone is 1.4 MB before compression.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { Router, type Response } from 'express';
import { consoleAssetFiles } from '../console/console-assets';
import { apiDocsAssetFiles } from '../http/api-docs-assets';
import type { FormRegistry } from '../forms/form-registry';
import { supportedLocales } from '../i18n/locales';
import { nodeModulesDir, projectRoot, respondentPublicDir } from '../paths';

const assetCacheDir = path.join(projectRoot, '.cache', 'assets');

interface Asset {
  file: string;
  type: string;
  hash: string;
  url: string;
}

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** Service workers served from /assets/ and the scope each may control (Service-Worker-Allowed). */
const serviceWorkerScopes: Record<string, string> = { 'respondent-sw.js': '/respond/' };

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

function describeAsset(file: string): Asset {
  const hash = createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 16);
  const publicName = path.basename(file);
  return {
    file,
    type: types[path.extname(file)] ?? 'application/octet-stream',
    hash,
    url: `/assets/${hash}/${publicName}`,
  };
}

const survey = (file: string) => path.join(nodeModulesDir, 'survey-core', file);

/** Where the precompressed copies of an asset are kept, keyed by its content hash. */
const compressedFile = (asset: Asset, encoding: 'br' | 'gzip') =>
  path.join(assetCacheDir, `${asset.hash}.${encoding === 'br' ? 'br' : 'gz'}`);

export class AssetStore {
  private readonly byName = new Map<string, Asset>();
  private readonly byUrl = new Map<string, Asset>();

  /** The store with every asset precompressed: what the routes expect. */
  static async create(forms: FormRegistry): Promise<AssetStore> {
    const assets = new AssetStore(forms);
    await assets.precompress();
    return assets;
  }

  private constructor(forms: FormRegistry) {
    const entries: [string, string][] = [
      // The fontless theme: the default one pulls Open Sans from Google's servers.
      ['survey.css', survey('survey-core.fontless.min.css')],
      ['survey.js', survey('survey.core.min.js')],
      ['survey.fr.js', survey('i18n/french.min.js')],
      ['survey.es.js', survey('i18n/spanish.min.js')],
      ['survey-ui.js', path.join(nodeModulesDir, 'survey-js-ui', 'survey-js-ui.min.js')],
      ['respondent.js', path.join(respondentPublicDir, 'respondent.js')],
      ['draft-merge.js', path.join(respondentPublicDir, 'draft-merge.js')],
      ['problem-codes.js', path.join(respondentPublicDir, 'problem-codes.js')],
      ['draft-sync.js', path.join(respondentPublicDir, 'draft-sync.js')],
      ['language-offer.js', path.join(respondentPublicDir, 'language-offer.js')],
      ['orientation.js', path.join(respondentPublicDir, 'orientation.js')],
      ['respondent-offline.js', path.join(respondentPublicDir, 'respondent-offline.js')],
      ['respondent-sw.js', path.join(respondentPublicDir, 'respondent-sw.js')],
      ['partnerships.js', path.join(respondentPublicDir, 'partnerships.js')],
      ['profile-view.js', path.join(respondentPublicDir, 'profile-view.js')],
      ['respondent.css', path.join(respondentPublicDir, 'respondent.css')],
      // The page's texts, one dictionary per language: the page fetches only the one it shows.
      ...supportedLocales.map((l): [string, string] => [
        `messages.${l}.json`,
        path.join(respondentPublicDir, 'i18n', `${l}.json`),
      ]),
      // The organizer console's module and stylesheet (server/console/public).
      ...consoleAssetFiles,
      // The API documentation page: Swagger UI and its starter (server/http/public).
      ...apiDocsAssetFiles,
      ...forms.all().map((f): [string, string] => [`form:${f.formId}:${f.formVersion}`, f.file]),
    ];
    for (const [name, file] of entries) {
      const asset = describeAsset(file);
      this.byName.set(name, asset);
      this.byUrl.set(asset.url, asset);
    }
  }

  url(name: string): string {
    const asset = this.byName.get(name);
    if (!asset) throw new Error(`no asset ${name}`);
    return asset.url;
  }

  /** Makes (or finds in .cache/assets) the brotli and gzip copies of every asset. */
  private async precompress(): Promise<void> {
    fs.mkdirSync(assetCacheDir, { recursive: true });
    await Promise.all(
      [...this.byName.values()].map(async (asset) => {
        const br = compressedFile(asset, 'br');
        const gz = compressedFile(asset, 'gzip');
        if (!fs.existsSync(br) || !fs.existsSync(gz)) {
          const raw = await fs.promises.readFile(asset.file);
          const [b, g] = await Promise.all([
            brotli(raw, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
              },
            }),
            gzip(raw, { level: 9 }),
          ]);
          // Write then rename: another instance starting at the same time never reads half a file.
          await fs.promises.writeFile(`${br}.${process.pid}`, b);
          await fs.promises.rename(`${br}.${process.pid}`, br);
          await fs.promises.writeFile(`${gz}.${process.pid}`, g);
          await fs.promises.rename(`${gz}.${process.pid}`, gz);
        }
      }),
    );
  }

  routes(): Router {
    const router = Router();
    router.get('/assets/:hash/:name', (req, res, next) => {
      const asset = this.byUrl.get(req.path);
      if (!asset) return next();
      // Our preference, not the client's order: Chromium sends "gzip, deflate, br, zstd", and
      // acceptsEncodings('br', 'gzip', 'identity') would pick gzip, a quarter bigger.
      const encoding = req.acceptsEncodings('br') ? 'br' : req.acceptsEncodings('gzip') ? 'gzip' : 'identity';
      res.set({
        'Content-Type': asset.type,
        'Cache-Control': 'public, max-age=31536000, immutable',
        Vary: 'Accept-Encoding',
      });
      const scope = serviceWorkerScopes[path.basename(asset.url)];
      if (scope) res.set('Service-Worker-Allowed', scope);
      if (encoding !== 'identity') return sendEncoded(res, compressedFile(asset, encoding), encoding);
      res.sendFile(asset.file, { cacheControl: false, dotfiles: 'allow' });
    });
    return router;
  }
}

function sendEncoded(res: Response, file: string, encoding: string): void {
  res.set('Content-Encoding', encoding);
  // dotfiles: the cache lives under .cache/, which send() would otherwise refuse.
  res.sendFile(file, { cacheControl: false, acceptRanges: false, dotfiles: 'allow' });
}
