// The data-access rule, kept by reading the imports: each feature folder owns its models (only
// its own files import its *.model files), no routes file touches a model (routes call use
// cases and queries), and http/ imports no feature (the app assembles what features export).
import fs from 'node:fs';
import path from 'node:path';

const serverDir = path.join(__dirname, '..', '..', 'server');
/** Shared infrastructure, not features: http/ may use these. */
const infrastructure = new Set(['http', 'db', 'i18n']);

interface SourceFile {
  path: string; // relative to server/, e.g. "rounds/rounds.routes.ts"
  source: string;
}

function importsOf(file: SourceFile): string[] {
  const specs = [...file.source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]);
  return specs
    .filter((s) => s.startsWith('.'))
    .map((s) => path.posix.normalize(path.posix.join(path.posix.dirname(file.path), s)));
}

const folderOf = (p: string) => (p.includes('/') ? p.split('/')[0] : '');

export function boundaryViolations(files: SourceFile[]): string[] {
  const out: string[] = [];
  for (const file of files) {
    const folder = folderOf(file.path);
    for (const target of importsOf(file)) {
      const targetFolder = folderOf(target);
      if (/\.model$/.test(target) && targetFolder !== folder)
        out.push(`${file.path} imports another feature's model ${target}`);
      if (/\.routes\.ts$/.test(file.path) && /\.model$/.test(target))
        out.push(`${file.path} (routes) imports the model ${target}`);
      if (folder === 'http' && targetFolder && !infrastructure.has(targetFolder))
        out.push(`${file.path} (http/) imports the feature ${target}`);
    }
  }
  return out;
}

function serverFiles(dir = serverDir, rel = ''): SourceFile[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const r = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return entry.name === 'public' ? [] : serverFiles(path.join(dir, entry.name), r);
    return entry.name.endsWith('.ts') ? [{ path: r, source: fs.readFileSync(path.join(dir, entry.name), 'utf8') }] : [];
  });
}

describe('feature boundaries', () => {
  test('When the server code is read, then no file crosses a boundary', () => {
    const files = serverFiles();
    expect(files.length).toBeGreaterThan(50);
    expect(boundaryViolations(files)).toEqual([]);
  });

  test('When a violation is planted, then the scan names it', () => {
    const planted: SourceFile[] = [
      { path: 'scoring/overview.ts', source: "import { Round } from '../rounds/round.model';\n" },
      { path: 'rounds/rounds.routes.ts', source: "import {\n  Round,\n} from './round.model';\n" },
      { path: 'http/problem.ts', source: "export { x } from '../scoring/score';\n" },
      {
        path: 'rounds/find-round.ts',
        source: "import { Round } from './round.model';\nimport { hashToken } from '../http/token-hash';\n",
      },
    ];
    expect(boundaryViolations(planted)).toEqual([
      "scoring/overview.ts imports another feature's model rounds/round.model",
      'rounds/rounds.routes.ts (routes) imports the model rounds/round.model',
      'http/problem.ts (http/) imports the feature scoring/score',
    ]);
  });
});
