// Test fixtures for rounds and country links, created through the same domain functions the
// service uses.
import { createCountryLink, revokeLink } from '../../server/invitations/links';
import { Round } from '../../server/rounds/round.model';

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
