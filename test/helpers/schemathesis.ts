// Schemathesis (PyPI) in a virtual environment of the project's cache: .ci/run installs it from
// test/contract/requirements.txt; on a machine where nobody did, the first run installs it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const projectRoot = path.resolve(__dirname, '../..');
const venv = path.join(projectRoot, '.cache', 'schemathesis');
const requirements = path.join(projectRoot, 'test', 'contract', 'requirements.txt');

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 10 * 60_000 });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed: ${result.error ?? ''}${result.stderr}${result.stdout}`);
  return result.stdout.trim();
}

/** Python 3.12 or later: 3.11 before 3.11.8 crashes in ast.parse inside Hypothesis (CPython gh-106905). */
function python(): string {
  const candidates = ['python3.13', 'python3.12'];
  // pyenv keeps other versions out of PATH.
  const pyenv = spawnSync('pyenv', ['root'], { encoding: 'utf8' });
  if (pyenv.status === 0) {
    const versions = path.join(pyenv.stdout.trim(), 'versions');
    for (const v of fs.existsSync(versions) ? fs.readdirSync(versions).sort().reverse() : [])
      if (/^3\.(1[2-9])\./.test(v)) candidates.push(path.join(versions, v, 'bin', 'python3'));
  }
  candidates.push('python3');
  for (const candidate of candidates) {
    const version = spawnSync(candidate, ['-c', 'import sys; print(sys.version_info >= (3, 12))'], {
      encoding: 'utf8',
    });
    if (version.status === 0 && version.stdout.trim() === 'True') return candidate;
  }
  throw new Error(`Schemathesis needs Python 3.12 or later; none of ${candidates.join(', ')} is`);
}

/** Creates the virtual environment and installs Schemathesis into it, unless it is there already. */
export function installSchemathesis(): string {
  const executable = path.join(venv, 'bin', 'schemathesis');
  if (!fs.existsSync(executable)) {
    run(python(), ['-m', 'venv', venv]);
    run(path.join(venv, 'bin', 'pip'), ['install', '--quiet', '-r', requirements]);
  }
  return executable;
}
