// A round ready for matching, built through the API as organizers build it: the round, focal
// points for four countries (CSV import), each country's answers submitted through its link and
// approved, and one registered partner. Kenya and Niger are weak in A1 and ask for partners;
// Uganda and Tanzania are strong and willing to share. Needs the reference data seeded.
import { createCountryLink } from '../../server/invitations/links';
import { postJson, request, type Organizer } from './http';

// Every indicator at level 1 (capacity 25), target 4, importance 5: priority 75, a need.
export const weakA1 = { a1_1: 1, a1_2: 1, a1_3: 1, a1_4: 1, a1_5: 1, a1_importance: 5, a1_target: 4, a1_share: 'no' };
// Level 4 everywhere (capacity 100, no gap), willing to share.
export const strongA1 = {
  a1_1: 4,
  a1_2: 4,
  a1_3: 4,
  a1_4: 4,
  a1_5: 4,
  a1_importance: 1,
  a1_target: 4,
  a1_share: 'yes',
};

export const matchingFocalPoints = {
  KEN: 'amina@interior.go.ke',
  NER: 'moussa@interieur.gouv.ne',
  UGA: 'moise@ubos.example',
  TZA: 'rosa@nbs.example',
} as const;

export const matchingPartner = {
  name: { en: 'Migration Statistics Institute', fr: 'Institut de statistiques migratoires' },
  kind: 'academia',
  areas: [{ area: 'A1' }],
  modalities: ['training'],
  scope: { global: true },
  languages: ['eng', 'fra'],
  slots: { total: 2 },
  contacts: [{ name: 'Claire Martin', email: 'claire@msi.example', language: 'fr' }],
};

/** The reply's body, or an error naming the status and body when it is not `status`. */
export async function ok(reply: Promise<{ status: number; body: any }>, status = 200) {
  const r = await reply;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Creates the round, its approved responses and the partner; returns the round id. */
export async function createMatchingRound(baseUrl: string, organizer: Organizer, name: string): Promise<string> {
  const created = await ok(
    postJson(
      `${baseUrl}/api/rounds`,
      {
        name,
        formId: 'a1-pilot',
        languages: ['en', 'fr', 'es'],
        deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      },
      organizer.headers,
    ),
    201,
  );
  const roundId: string = created.round.id;
  const f = matchingFocalPoints;
  const csv = [
    'country,name,email,language,ministry',
    `KEN,Amina Wanjiku,${f.KEN},en,Interior`,
    `NER,Moussa Issa,${f.NER},fr,Intérieur`,
    `UGA,Moïse Okello,${f.UGA},fr,Statistics`,
    `TZA,Rosa Mbwana,${f.TZA},es,Statistics`,
  ].join('\n');
  await ok(
    request(`${baseUrl}/api/rounds/${roundId}/focal-points/import`, {
      method: 'POST',
      headers: { ...organizer.headers, 'Content-Type': 'text/csv' },
      body: csv,
    }),
  );
  for (const [country, answers] of [
    ['KEN', weakA1],
    ['NER', weakA1],
    ['UGA', strongA1],
    ['TZA', strongA1],
  ] as const) {
    const { token } = await createCountryLink({ roundId, country, language: 'en' });
    await ok(postJson(`${baseUrl}/api/respondent/${token}/submit`, { answers, baseRevision: 0 }));
    // Matching uses approved responses (the round's default).
    await ok(postJson(`${baseUrl}/api/rounds/${roundId}/responses/${country}/approve`, {}, organizer.headers));
  }
  await ok(postJson(`${baseUrl}/api/partners`, matchingPartner, organizer.headers), 201);
  return roundId;
}
