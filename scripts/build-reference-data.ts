// Rebuilds the project's own reference data (server/reference/data: countries.json,
// groupings.json, corridors.json, SOURCES.md) from the shared CSVs and the world-countries
// package. The work is in scripts/lib/reference-build.ts; this only reads and writes files.
//   npx tsx scripts/build-reference-data.ts [--from <dir>] [--check]
// --from defaults to ../shared/reference next to the project; --check writes nothing and exits 1
// when the committed files differ from a fresh build.
import worldCountriesData from 'world-countries';
import worldCountriesPackage from 'world-countries/package.json';
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { projectRoot } from '../server/paths';
import { buildReferenceFiles, type WorldCountry } from './lib/reference-build';

const program = new Command('build-reference-data')
  .description('Build server/reference/data from the shared reference CSVs and world-countries')
  .option(
    '--from <dir>',
    'folder holding countries.csv, groupings.csv, corridors_2019.csv',
    path.join(projectRoot, '..', 'shared', 'reference'),
  )
  .option('--check', 'compare with the committed files instead of writing them')
  .parse();

const outDir = path.join(projectRoot, 'server', 'reference', 'data');

function main(): void {
  const { from, check } = program.opts<{ from: string; check?: boolean }>();
  const read = (name: string) => fs.readFileSync(path.resolve(from, name), 'utf8');
  const worldCountries = worldCountriesData as WorldCountry[];
  const worldCountriesVersion = worldCountriesPackage.version;
  const files = buildReferenceFiles({
    csv: {
      'countries.csv': read('countries.csv'),
      'groupings.csv': read('groupings.csv'),
      'corridors_2019.csv': read('corridors_2019.csv'),
    },
    worldCountries,
    worldCountriesVersion,
  });
  let stale = 0;
  for (const [name, content] of Object.entries(files)) {
    const target = path.join(outDir, name);
    const same = fs.existsSync(target) && fs.readFileSync(target, 'utf8') === content;
    if (check) {
      if (!same) stale++;
      console.log(`${same ? 'up to date' : 'STALE     '} ${path.relative(projectRoot, target)}`);
    } else {
      fs.mkdirSync(outDir, { recursive: true });
      if (!same) fs.writeFileSync(target, content);
      console.log(
        `${same ? 'unchanged' : 'written  '} ${path.relative(projectRoot, target)} (${Buffer.byteLength(content)} bytes)`,
      );
    }
  }
  if (stale) process.exit(1);
}

try {
  main();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
