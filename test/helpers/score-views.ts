// Two rounds of the capacity questionnaire with answers submitted and approved through the API,
// for the tests of the console's score views (gaps, country profile, regions):
//   earlier round  Kenya: every indicator at level 1 (capacity 25), approved.
//   current round  Kenya: A1 at 3 (75), A2 at 1 (25), A3 all "don't know" (insufficient data),
//                  the others at 2 (50); evidence for A1.1; approved.
//                  Niger: every indicator at 0 (capacity 0, low, not insufficient), approved.
//                  Brazil: every indicator at 2, submitted and not approved (does not count).
//                  France: no answer.
import type { FormRegistry } from '../../server/forms/form-registry';
import { createOrganizer, postJson, type Organizer } from './http';
import { answersFor, createScoringRound } from './rounds';

export interface ScoreViews {
  earlier: string;
  current: string;
  organizer: Organizer;
}

export const kenyaEvidence = 'Census 2019 report, table 4';

async function submit(baseUrl: string, token: string, answers: Record<string, unknown>): Promise<void> {
  const reply = await postJson(`${baseUrl}/api/respondent/${token}/submit`, { answers, baseRevision: 0 });
  if (reply.status !== 200) throw new Error(`submit: ${reply.status} ${JSON.stringify(reply.body)}`);
}

async function approve(baseUrl: string, organizer: Organizer, roundId: string, iso3: string): Promise<void> {
  const reply = await postJson(`${baseUrl}/api/rounds/${roundId}/responses/${iso3}/approve`, {}, organizer.headers);
  if (reply.status !== 200) throw new Error(`approve: ${reply.status} ${JSON.stringify(reply.body)}`);
}

export async function seedScoreViews(baseUrl: string, forms: FormRegistry): Promise<ScoreViews> {
  const organizer = await createOrganizer(baseUrl, 'organizer');
  const day = 86_400_000;
  const tag = Date.now().toString(36);
  const earlier = await createScoringRound({
    name: `Round 2025 ${tag}`,
    deadline: new Date(Date.now() + 5 * day),
    countries: [
      { iso3: 'KEN', name: 'Kenya' },
      { iso3: 'NER', name: 'Niger' },
    ],
  });
  const current = await createScoringRound({
    name: `Round 2026 ${tag}`,
    deadline: new Date(Date.now() + 40 * day),
    countries: [
      { iso3: 'KEN', name: 'Kenya' },
      { iso3: 'NER', name: 'Niger' },
      { iso3: 'BRA', name: 'Brazil' },
      { iso3: 'FRA', name: 'France' },
    ],
  });
  await submit(baseUrl, earlier.links.KEN, answersFor(forms, 'capacity', { level: () => 1 }));
  await approve(baseUrl, organizer, earlier.roundId, 'KEN');

  const kenya = answersFor(forms, 'capacity', {
    level: (area) => ({ A1: 3, A2: 1, A3: 'dk' })[area] ?? 2,
    importance: (area) => (area === 'A2' ? 5 : 3),
    evidence: (indicator) => (indicator === 'A1.1' ? kenyaEvidence : undefined),
  } as Parameters<typeof answersFor>[2]);
  await submit(baseUrl, current.links.KEN, kenya);
  await submit(baseUrl, current.links.NER, answersFor(forms, 'capacity', { level: () => 0, importance: () => 5 }));
  await submit(baseUrl, current.links.BRA, answersFor(forms, 'capacity', { level: () => 2 }));
  await approve(baseUrl, organizer, current.roundId, 'KEN');
  await approve(baseUrl, organizer, current.roundId, 'NER');
  return { earlier: earlier.roundId, current: current.roundId, organizer };
}
