// Test fixtures for rounds and country links, created through the same domain functions the
// service uses (or, for a round with focal points, through the API as an organizer would).
import type { FormRegistry } from '../../server/forms/form-registry';
import { createCountryLink, revokeLink } from '../../server/invitations/links';
import { findLatestResponse } from '../../server/responses/country-response-store';
import { Round } from '../../server/rounds/round.model';
import { postJson, request, type Organizer } from './http';
import { strongA1, weakA1 } from './matching-round';

export interface TestRound {
  roundId: string;
  /** Two focal points of Kenya, one of Niger (French), and links that no longer work. */
  kenya: string;
  kenyaColleague: string;
  niger: string;
  expired: string;
  revoked: string;
}

export async function createTestRound(formId = 'a1-pilot'): Promise<TestRound> {
  const round = await Round.create({
    name: `Test round ${Date.now()}`,
    formId,
    formVersion: 1,
    languages: ['en', 'fr', 'es'],
    deadline: new Date(Date.now() + 30 * 86400_000),
    countries: [
      { iso3: 'KEN', name: 'Kenya' },
      { iso3: 'NER', name: 'Niger' },
    ],
  });
  const roundId = String(round._id);
  const kenya = (await createCountryLink({ roundId, country: 'KEN', language: 'en' })).token;
  const kenyaColleague = (await createCountryLink({ roundId, country: 'KEN', language: 'en' })).token;
  const niger = (await createCountryLink({ roundId, country: 'NER', language: 'fr' })).token;
  const expired = (
    await createCountryLink({ roundId, country: 'KEN', language: 'en', expiresAt: new Date(Date.now() - 1000) })
  ).token;
  const revokedLink = await createCountryLink({ roundId, country: 'KEN', language: 'en' });
  await revokeLink(revokedLink.id);
  return { roundId, kenya, kenyaColleague, niger, expired, revoked: revokedLink.token };
}

/** A complete answer set of the a1-pilot questionnaire, with evidence for A1.4. */
export const a1PilotAnswers = {
  a1_1: 2,
  a1_2: 3,
  a1_3: 'na',
  a1_4: 1,
  a1_4_evidence: 'National census report 2024, table 3',
  a1_5: 4,
  a1_importance: 4,
  a1_target: 3,
  a1_share: 'no',
};

export interface ScoringRound {
  roundId: string;
  /** One country link (token) per ISO3. */
  links: Record<string, string>;
}

/** A round of `formId` with these countries and one link each, for tests of scores and their views. */
export async function createScoringRound(options: {
  name: string;
  formId?: string;
  deadline: Date;
  countries: { iso3: string; name: string }[];
}): Promise<ScoringRound> {
  const round = await Round.create({
    name: options.name,
    formId: options.formId ?? 'capacity',
    formVersion: 1,
    languages: ['en', 'fr', 'es'],
    deadline: options.deadline,
    countries: options.countries,
  });
  const roundId = String(round._id);
  const links: Record<string, string> = {};
  for (const c of options.countries)
    links[c.iso3] = (await createCountryLink({ roundId, country: c.iso3, language: 'en' })).token;
  return { roundId, links };
}

type Level = 0 | 1 | 2 | 3 | 4 | 'na' | 'dk';

/**
 * A complete answer set of a form built from its scoring model: `level(area, indicator)` for
 * every level question, one importance and target level for every area, no to sharing, and
 * `evidence(indicator)` where it returns text.
 */
export function answersFor(
  forms: FormRegistry,
  formId: string,
  answers: {
    level: (area: string, indicator: string) => Level;
    importance?: (area: string) => number;
    targetLevel?: (area: string) => number;
    evidence?: (indicator: string) => string | undefined;
  },
): Record<string, unknown> {
  const model = forms.get(formId)!.scoringModel;
  const out: Record<string, unknown> = {};
  for (const area of model.areas) {
    for (const i of area.indicators) {
      out[i.question] = answers.level(area.id, i.id);
      const text = answers.evidence?.(i.id);
      if (text && i.evidenceQuestion) out[i.evidenceQuestion] = text;
    }
    if (area.importanceQuestion) out[area.importanceQuestion] = answers.importance?.(area.id) ?? 3;
    if (area.targetQuestion) out[area.targetQuestion] = answers.targetLevel?.(area.id) ?? 4;
    if (area.shareQuestion) out[area.shareQuestion] = 'no';
  }
  return out;
}

/**
 * The country's latest stored answers once `check` accepts them (the page saves on its own
 * schedule); throws, naming what the server has, if that never happens within 30 s.
 */
export async function waitForStoredAnswers(
  roundId: string,
  iso3: string,
  check: (answers: Record<string, unknown>) => boolean,
): Promise<Record<string, unknown>> {
  for (let i = 0; i < 300; i++) {
    const doc = await findLatestResponse(roundId, iso3);
    if (doc && check(doc.answers)) return doc.answers;
    await new Promise((r) => setTimeout(r, 100));
  }
  const answers = (await findLatestResponse(roundId, iso3))?.answers;
  throw new Error(`the server never got the expected answers; it has ${JSON.stringify(answers)}`);
}

/** A round of the A1 pilot for matching: Kenya and its neighbours Uganda and Tanzania. */
export async function createEastAfricaRound(): Promise<string> {
  const round = await Round.create({
    name: 'Roundtable 2027',
    formId: 'a1-pilot',
    formVersion: 1,
    languages: ['en', 'fr', 'es'],
    deadline: new Date(Date.now() + 30 * 86400_000),
    countries: [
      { iso3: 'KEN', name: 'Kenya' },
      { iso3: 'UGA', name: 'Uganda' },
      { iso3: 'TZA', name: 'Tanzania' },
    ],
  });
  return String(round._id);
}

/**
 * The East Africa round with every country's answers submitted through its link: Kenya weak in
 * A1 (its link in French), Uganda and Tanzania strong and willing to share. Returns the round and
 * the links' tokens by ISO3.
 */
export async function submittedEastAfricaRound(
  baseUrl: string,
): Promise<{ roundId: string; tokens: Record<string, string> }> {
  const roundId = await createEastAfricaRound();
  const tokens: Record<string, string> = {};
  for (const [country, answers, language] of [
    ['KEN', weakA1, 'fr'],
    ['UGA', strongA1, 'en'],
    ['TZA', strongA1, 'en'],
  ] as const) {
    tokens[country] = (await createCountryLink({ roundId, country, language })).token;
    const reply = await fetch(`${baseUrl}/api/respondent/${tokens[country]}/submit`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ answers, baseRevision: 0 }),
    });
    if (reply.status !== 200) throw new Error(`${country}'s submit answered ${reply.status}`);
  }
  return { roundId, tokens };
}

/**
 * A round created through the API by an organizer, with focal points imported from CSV rows
 * (`country,name,email,language,ministry`) and, when asked, invited (emails in the outbox).
 */
export async function roundWithFocalPoints(
  baseUrl: string,
  organizer: Organizer,
  rows: string[],
  { invite = false, languages = ['en', 'fr'] }: { invite?: boolean; languages?: string[] } = {},
): Promise<string> {
  const round = await postJson(
    `${baseUrl}/api/rounds`,
    {
      name: `Round with focal points ${Date.now()}`,
      formId: 'a1-pilot',
      languages,
      deadline: new Date(Date.now() + 30 * 86400_000).toISOString(),
    },
    organizer.headers,
  );
  const roundId = round.body.round.id as string;
  const imported = await request(`${baseUrl}/api/rounds/${roundId}/focal-points/import`, {
    method: 'POST',
    headers: { ...organizer.headers, 'Content-Type': 'text/csv' },
    body: ['country,name,email,language,ministry', ...rows].join('\n') + '\n',
  });
  if (imported.body.imported !== rows.length) throw new Error(`import: ${JSON.stringify(imported.body)}`);
  if (invite) {
    const invited = await postJson(`${baseUrl}/api/rounds/${roundId}/invitations`, {}, organizer.headers);
    if (invited.body.invited !== rows.length) throw new Error(`invite: ${JSON.stringify(invited.body)}`);
  }
  return roundId;
}
