// The console's score views over HTTP, against the real app and database: the gaps heat map,
// a country's profile and the regional aggregates show the numbers of the scoring API, in
// English, French and Spanish, to a viewer; insufficient data is never shown as low capacity.
import { currentGroups } from '../../server/reference/reference-store';
import { seedReferenceData } from '../../server/reference/seed-reference';
import { createOrganizer, request, type Organizer } from '../helpers/http';
import { kenyaEvidence, seedScoreViews, type ScoreViews } from '../helpers/score-views';
import { setupTestApp, type TestApp } from '../helpers/test-app';

const testApp = setupTestApp();
let app: TestApp;
let views: ScoreViews;
let viewer: Organizer;

beforeAll(async () => {
  app = testApp();
  await seedReferenceData();
  views = await seedScoreViews(app.baseUrl, app.forms);
  viewer = await createOrganizer(app.baseUrl, 'viewer');
});

const get = (path: string) => request(`${app.baseUrl}${path}`, { headers: { Cookie: viewer.cookie } });
const page = async (path: string): Promise<string> => {
  const reply = await get(path);
  expect({ path, status: reply.status }).toEqual({ path, status: 200 });
  return reply.body as string;
};

/** Text of markup: tags dropped, entities of our escaper decoded, white space collapsed. */
const textOf = (markup: string) =>
  markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

/** The body rows of the table with this id, each a list of cell texts. */
function tableRows(markup: string, id: string): string[][] {
  const table = new RegExp(`<table[^>]*id="${id}"[^>]*>([\\s\\S]*?)</table>`).exec(markup);
  if (!table) throw new Error(`no table ${id}`);
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table[1])![1];
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => textOf(cell[1])),
  );
}

interface HeatCell {
  className: string;
  href: string;
  text: string;
}

/** Every linked cell of the heat map, by the "Country, Area" its hidden text starts with. */
function heatCells(markup: string): Map<string, HeatCell> {
  const cells = new Map<string, HeatCell>();
  for (const m of markup.matchAll(/<td class="(band-[^"]+)">\s*<a href="([^"]+)"\s*>([\s\S]*?)<\/a\s*>\s*<\/td>/g)) {
    const text = textOf(m[3]);
    const hidden = textOf(/<span class="visually-hidden"\s*>([\s\S]*?)<\/span/.exec(m[3])![1]);
    const key = hidden.slice(0, hidden.indexOf(':'));
    cells.set(key, { className: m[1], href: m[2], text });
  }
  return cells;
}

const bandClass: Record<string, string> = {
  'requires further progress': 'band-0',
  'partially meets': 'band-1',
  meets: 'band-2',
  'fully meets': 'band-3',
};

const fmt = (v: number, l = 'en') => new Intl.NumberFormat(l, { maximumFractionDigits: 1 }).format(v);

describe('When a viewer opens the gaps heat map of a round', () => {
  it('then every cell shows the capacity and band of the overview API, and links to the country profile', async () => {
    const overview = (await get(`/api/rounds/${views.current}/overview`)).body;
    const markup = await page(`/console/rounds/${views.current}/gaps`);
    const cells = heatCells(markup);
    let checked = 0;
    for (const country of overview.countries) {
      for (const [area, cell] of Object.entries(country.areas) as [string, any][]) {
        const shown = cells.get(`${country.name}, ${area}`)!;
        expect(shown.href).toBe(`/console/rounds/${views.current}/countries/${country.iso3}/profile`);
        if (cell.band === null) {
          expect(shown).toMatchObject({ className: 'band-none' });
          expect(shown.text).toMatch(/^\? .*insufficient data/);
        } else {
          expect({ area, className: shown.className }).toEqual({ area, className: bandClass[cell.band] });
          expect(shown.text.startsWith(fmt(cell.capacity))).toBe(true);
          expect(shown.text).toContain(`capacity ${fmt(cell.capacity)}, target ${fmt(cell.target)}`);
          if (cell.priority !== null) expect(shown.text).toContain(`P ${fmt(cell.priority)}`);
        }
        checked++;
      }
    }
    expect(checked).toBe(20); // Kenya and Niger, ten areas each
    // Low capacity and insufficient data look different: Niger's 0 is a band, Kenya's A3 is not.
    expect(cells.get('Niger, A1')).toMatchObject({ className: 'band-0' });
    expect(cells.get('Niger, A1')!.text).toMatch(/^0 .*requires further progress, capacity 0/);
    expect(cells.get('Kenya, A3')).toMatchObject({ className: 'band-none' });
    // Those whose scores do not count are listed apart, with their response's state.
    expect(textOf(markup)).toContain('Brazil (submitted, awaiting review)');
    expect(textOf(markup)).toContain('France (not started)');
  });

  it('then the rows sort by any area’s priority or capacity through plain links', async () => {
    const rowNames = (markup: string) =>
      [...markup.matchAll(/<th scope="row"><a href="[^"]+">([^<]+)<\/a><\/th>/g)].map((m) => m[1]);
    expect(rowNames(await page(`/console/rounds/${views.current}/gaps`))).toEqual(['Kenya', 'Niger']);
    // A1: Niger's priority is 5 × 100 / 5 = 100, Kenya's 3 × 25 / 5 = 15: highest first.
    const byPriority = await page(`/console/rounds/${views.current}/gaps?sort=A1.priority`);
    expect(rowNames(byPriority)).toEqual(['Niger', 'Kenya']);
    expect(byPriority).toMatch(/<th scope="col"\s+aria-sort="descending">\s*<span aria-hidden="true">A1<\/span>/);
    expect(rowNames(await page(`/console/rounds/${views.current}/gaps?sort=A2.capacity`))).toEqual(['Niger', 'Kenya']);
    // Insufficient data sorts last, whatever the direction.
    expect(rowNames(await page(`/console/rounds/${views.current}/gaps?sort=A3.capacity`))).toEqual(['Niger', 'Kenya']);
    expect(byPriority).toContain(`href="/console/rounds/${views.current}/gaps?sort=A4.capacity"`);
  });

  it('then a grouping filters the countries: REC, region, and the South of each definition', async () => {
    const rows = (markup: string) => heatCells(markup).size / 10;
    const eac = await page(`/console/rounds/${views.current}/gaps?group=group:EAC&sort=A1.priority`);
    expect([...heatCells(eac).keys()].every((k) => k.startsWith('Kenya'))).toBe(true);
    expect(rows(eac)).toBe(1);
    expect(eac).toContain(`href="/console/rounds/${views.current}/gaps?sort=A1.capacity&amp;group=group%3AEAC"`);
    const europe = await page(`/console/rounds/${views.current}/gaps?group=region:Europe`);
    expect(rows(europe)).toBe(0);
    expect(textOf(europe)).toContain('No country of this grouping has scores that count yet.');
    expect(textOf(europe)).toContain('France (not started)');
    for (const definition of ['un-regions', 'world-bank', 'undp-hdi'])
      expect(rows(await page(`/console/rounds/${views.current}/gaps?group=south:${definition}:south`))).toBe(2);
    const options = [...europe.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);
    expect(options).toEqual(
      expect.arrayContaining(['', 'region:Africa', 'subregion:Sub-Saharan Africa', 'income:Low income', 'hdi:Low']),
    );
    expect(options).toEqual(expect.arrayContaining(['south:world-bank:north', 'south:undp-hdi:south']));
  });

  it('then in French and Spanish the page speaks their language and writes their numbers', async () => {
    const fr = textOf(await page(`/console/rounds/${views.current}/gaps?lang=fr`));
    expect(fr).toContain('Capacité par pays et par domaine');
    expect(fr).toContain('données insuffisantes');
    expect(fr).toContain('A1 Collecte de données');
    expect(fr).toContain('Brésil (soumise, en attente d’examen)');
    const es = textOf(await page(`/console/rounds/${views.current}/gaps?lang=es`));
    expect(es).toContain('Capacidad por país y área');
    expect(es).toContain('cumple plenamente, capacidad 75');
  });
});

describe('When a viewer opens a country profile', () => {
  it('then the radar’s table and the priority ranking hold the numbers of the profile API', async () => {
    const api = (await get(`/api/rounds/${views.current}/countries/KEN/profile`)).body;
    const markup = await page(`/console/rounds/${views.current}/countries/KEN/profile`);
    expect(markup).toMatch(
      /<svg[^>]*role="img"[^>]*aria-labelledby="radar-chart-title"\s+aria-describedby="radar-chart-desc"/,
    );
    const radar = tableRows(markup, 'radar-table');
    expect(radar).toHaveLength(10);
    api.scores.areas.forEach((a: any, i: number) => {
      const dash = (v: number | null) => (v === null ? '—' : fmt(v));
      expect(radar[i].slice(1, 4)).toEqual([dash(a.capacity), dash(a.target), dash(a.gap)]);
    });
    expect(radar[2]).toContain('insufficient data');
    const ranking = tableRows(markup, 'ranking-table');
    const expected = api.scores.areas
      .filter((a: any) => a.priority !== null)
      .sort((a: any, b: any) => b.priority - a.priority)
      .map((a: any) => fmt(a.priority));
    expect(ranking.slice(0, expected.length).map((r) => r[2])).toEqual(expected);
    expect(ranking[0][1]).toContain('A2'); // importance 5 × gap 75 ÷ 5 = 75
    expect(ranking[ranking.length - 1]).toEqual([
      '—',
      expect.stringContaining('A3'),
      'insufficient data',
      '3',
      '—',
      'insufficient data',
    ]);
  });

  it('then each indicator shows its answer as the questionnaire words it, and its evidence', async () => {
    const text = textOf(await page(`/console/rounds/${views.current}/countries/KEN/profile`));
    expect(text).toContain(kenyaEvidence);
    const choice = app.forms
      .get('capacity')!
      .json.pages.flatMap((p: any) => p.elements)
      .find((e: any) => e.name === 'a1_1')
      .choices.find((c: any) => c.value === 3).text.default;
    expect(text).toContain(textOf(choice));
    expect(text).toContain("Don't know");
  });

  it('then the trend shows the capacity of each round the country answered, oldest first', async () => {
    const markup = await page(`/console/rounds/${views.current}/countries/KEN/profile`);
    const trend = tableRows(markup, 'trend-table');
    expect(trend[0]).toEqual([expect.stringContaining('A1'), '25', '75']);
    expect(trend[1]).toEqual([expect.stringContaining('A2'), '25', '25']);
    expect(trend[2]).toEqual([expect.stringContaining('A3'), '25', '? insufficient data']);
    expect(markup.match(/<svg[^>]*aria-labelledby="trend-\d+-title/g)).toHaveLength(10);
    // Niger did not answer the earlier round; France has no scores; Brazil's do not count yet.
    expect(textOf(await page(`/console/rounds/${views.current}/countries/NER/profile`))).toContain(
      'No earlier round has scores of this country that count.',
    );
    expect(textOf(await page(`/console/rounds/${views.current}/countries/FRA/profile`))).toContain(
      'No scores yet: the country has not submitted its response.',
    );
    expect(textOf(await page(`/console/rounds/${views.current}/countries/BRA/profile`))).toContain(
      'These scores do not count in the round’s views yet',
    );
  });

  it('then in Spanish the profile speaks Spanish, and a country not in the round is a 404 page', async () => {
    const es = textOf(await page(`/console/rounds/${views.current}/countries/KEN/profile?lang=es`));
    expect(es).toContain('Capacidad frente a meta');
    expect(es).toContain('cumple plenamente');
    expect(es).toContain('De una ronda a otra');
    const missing = await get(`/console/rounds/${views.current}/countries/JPN/profile`);
    expect(missing.status).toBe(404);
    expect(textOf(missing.body)).toContain('Not found');
  });
});

describe('When a viewer opens the regions of a round', () => {
  const check = async (query: string, api: string, names: (group: string) => string) => {
    const aggregates = (await get(`/api/rounds/${views.current}/aggregates?${api}`)).body;
    const markup = await page(`/console/rounds/${views.current}/regions?${query}`);
    expect(markup.match(/<svg[^>]*role="img"/g)).toHaveLength(20); // two charts per area
    aggregates.groups[0].areas.forEach((_: unknown, i: number) => {
      const rows = tableRows(markup, `area-${i}-table`);
      const shown = aggregates.groups.map((g: any) => {
        const a = g.areas[i];
        const s = (v: number | undefined) => (v === undefined ? '—' : fmt(v));
        return [
          g.group === 'all' ? 'All countries' : names(g.group),
          String(g.countries),
          String(a.scored),
          String(a.insufficientData),
          s(a.capacity?.mean),
          s(a.capacity?.median),
          s(a.capacity?.min),
          s(a.capacity?.max),
          ...['requires further progress', 'partially meets', 'meets', 'fully meets'].map((b) => String(a.bands[b])),
        ];
      });
      expect(rows).toEqual(shown);
    });
    return markup;
  };

  it('then each area’s table holds the API’s mean, median, min, max, bands and insufficient data, by region', async () => {
    const markup = await check('', 'by=region', (group) => group.replace('region:', ''));
    expect(tableRows(markup, 'area-2-table')[1]).toEqual([
      'Africa',
      '2',
      '1',
      '1',
      '0',
      '0',
      '0',
      '0',
      '1',
      '0',
      '0',
      '0',
    ]);
    expect(textOf(markup)).toContain('Countries scored: 2');
  });

  it('then each South definition can be chosen, and the API takes the same choice', async () => {
    await check('by=south:world-bank', 'by=south&south=world-bank', (group) => {
      expect(group).toBe('south:world-bank:south');
      return 'South (World Bank income): South';
    });
    const recs = new Map((await currentGroups()).map((g) => [g.code, g.name]));
    const byRec = await check('by=group', 'by=group', (group) => {
      const code = group.replace('group:', '');
      return `${code} — ${recs.get(code)}`;
    });
    expect(textOf(byRec)).toContain('EAC — East African Community');
    const bad = await get(`/api/rounds/${views.current}/aggregates?by=south&south=elsewhere`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('query.south');
  });

  it('then in French the charts and tables are labelled in French', async () => {
    const fr = textOf(await page(`/console/rounds/${views.current}/regions?by=income&lang=fr`));
    expect(fr).toContain('Capacité : moyenne, médiane, min et max');
    expect(fr).toContain('Faible revenu');
    expect(fr).toContain('Moyenne');
  });
});

describe('When someone without a session opens the views', () => {
  it('then they are sent to sign in and brought back after', async () => {
    for (const path of ['gaps', 'regions', 'countries/KEN/profile']) {
      const reply = await fetch(`${app.baseUrl}/console/rounds/${views.current}/${path}`, { redirect: 'manual' });
      expect(reply.status).toBe(303);
      expect(reply.headers.get('location')).toBe(
        `/console/sign-in?next=${encodeURIComponent(`/console/rounds/${views.current}/${path}`)}`,
      );
    }
  });
});

describe('When the round dashboard is opened', () => {
  it('then it links to the gaps and regions of the round', async () => {
    const markup = await page(`/console/rounds/${views.current}`);
    expect(markup).toContain(`href="/console/rounds/${views.current}/gaps"`);
    expect(markup).toContain(`href="/console/rounds/${views.current}/regions"`);
  });
});
