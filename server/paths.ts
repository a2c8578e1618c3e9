// Where the project's own files are, whether running from TypeScript sources (tests) or from
// the compiled dist/ folder (npm start, Docker).
import fs from 'node:fs';
import path from 'node:path';

function findProjectRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const projectRoot = findProjectRoot(__dirname);
export const formsDir = path.join(projectRoot, 'forms');
export const respondentPublicDir = path.join(projectRoot, 'server', 'respondent', 'public');
export const nodeModulesDir = path.join(projectRoot, 'node_modules');

/** The app's name and version, as package.json says. */
export function readAppPackage(): { name: string; version: string } {
  const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return { name: pkg.name, version: pkg.version };
}
