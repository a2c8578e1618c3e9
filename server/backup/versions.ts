// What a backup records about the installation that wrote it: the app's version, the
// questionnaires in the forms folder (with a hash of each file) and the scoring methodology, so
// that a restore can say when it loads data into a different installation.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../paths';
import { METHODOLOGY_VERSION } from '../scoring/scoring-model';
import type { FormManifest, Manifest } from './archive-format';

export type InstallationVersions = Pick<Manifest, 'app' | 'methodologyVersion' | 'forms'>;

export function readInstallationVersions(formsDir: string): InstallationVersions {
  const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return {
    app: { name: pkg.name, version: pkg.version },
    methodologyVersion: METHODOLOGY_VERSION,
    forms: listForms(formsDir),
  };
}

function listForms(formsDir: string): FormManifest[] {
  if (!fs.existsSync(formsDir)) return [];
  return fs
    .readdirSync(formsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((formId) => ({
      formId,
      versions: fs
        .readdirSync(path.join(formsDir, formId))
        .filter((file) => /^v\d+\.json$/.test(file))
        .sort((a, b) => Number(a.slice(1, -5)) - Number(b.slice(1, -5)))
        .map((file) => ({
          file,
          sha256: createHash('sha256')
            .update(fs.readFileSync(path.join(formsDir, formId, file)))
            .digest('hex'),
        })),
    }));
}

/** Plain-language differences between the installation that wrote a backup and this one. */
export function describeVersionDifferences(backup: InstallationVersions, current: InstallationVersions): string[] {
  const differences: string[] = [];
  if (backup.app.version !== current.app.version)
    differences.push(`app version: backup ${backup.app.version}, this installation ${current.app.version}`);
  if (backup.methodologyVersion !== current.methodologyVersion) {
    differences.push(
      `scoring methodology: backup ${backup.methodologyVersion}, this installation ${current.methodologyVersion}`,
    );
  }
  const currentFiles = new Map<string, string>(
    current.forms.flatMap((f) => f.versions.map((v) => [`${f.formId}/${v.file}`, v.sha256] as const)),
  );
  for (const form of backup.forms) {
    for (const version of form.versions) {
      const name: string = `${form.formId}/${version.file}`;
      const here = currentFiles.get(name);
      if (!here) differences.push(`form ${name} is in the backup's installation but not in this forms folder`);
      else if (here !== version.sha256) differences.push(`form ${name} differs from the backup's installation`);
    }
  }
  return differences;
}
