// Demo responses of the demo round, so that every console page has something to show at first
// start: countries of different capacity profiles (strong peers willing to share, weak
// requesters, an area with insufficient data), some approved, some awaiting review, one returned
// with comments, one draft, one not started. Everything goes through the same use cases as the
// respondents' and organizers' requests (submit, score, approve, return), so statuses, histories,
// scores and audit entries are the real ones. A country whose response exists already is left as
// it is: seeding again changes nothing, and what someone did with a demo link is kept.
import { listAccounts } from '../auth/accounts';
import { recordAudit } from '../audit/record-audit';
import type { FormRegistry } from '../forms/form-registry';
import type { Locale } from '../i18n/locales';
import { resolveLink } from '../invitations/links';
import { approveResponse, returnResponse } from '../responses/review-response';
import { getResponseState, saveDraft, submitResponse } from '../responses/country-responses';
import { scoreSubmission } from '../scoring/round-scores';
import { findFormOrReject } from '../forms/find-form';
import { demoAnswers, type AreaProfile, type CapacityProfile } from './demo-answers';

type Outcome = 'approved' | 'submitted' | 'returned' | 'draft';

interface DemoResponse {
  iso3: string;
  language: Locale;
  outcome: Outcome;
  profile: CapacityProfile;
}

const area = (level: AreaProfile['level'], importance: number, share?: AreaProfile['share']): AreaProfile => ({
  level,
  importance,
  target: 4,
  ...(share && { share }),
});

/** What each demo country answers and how far its response goes (GBR is left not started). */
export const demoResponses: DemoResponse[] = [
  {
    // A strong peer in East Africa, willing to share on data, analysis and remittances.
    iso3: 'KEN',
    language: 'en',
    outcome: 'approved',
    profile: {
      areas: {
        A1: area(3.5, 3, 'yes'),
        A2: area(3.5, 3, 'yes'),
        A4: area(3, 3, 'maybe'),
        A5: area(4, 2, 'yes'),
        A9: area(1.5, 4),
      },
      otherwise: area(2, 3, 'no'),
    },
  },
  {
    // A weak requester with high priorities on data and analysis; no answer to most of A9.
    iso3: 'ETH',
    language: 'en',
    outcome: 'approved',
    profile: {
      areas: {
        A1: area(1, 5),
        A2: area(1, 5),
        A5: area(0.5, 4),
        A6: area(1, 4),
        A9: area('insufficient', 3),
      },
      otherwise: area(1.5, 3, 'no'),
    },
  },
  {
    // A weak requester answering in French, with insufficient data on gender.
    iso3: 'NER',
    language: 'fr',
    outcome: 'approved',
    profile: {
      areas: {
        A1: area(1, 4),
        A2: area(0.5, 5),
        A9: area(1, 5),
        A10: area('insufficient', 3),
      },
      otherwise: area(1.5, 3, 'no'),
    },
  },
  {
    // Mixed: strong on remittances and partnerships (shares both), weak on crises.
    iso3: 'NGA',
    language: 'en',
    outcome: 'approved',
    profile: {
      areas: {
        A4: area('insufficient', 3),
        A5: area(3.5, 2, 'yes'),
        A8: area(3, 2, 'yes'),
        A9: area(1, 5),
        A6: area(1.5, 4),
      },
      otherwise: area(2, 3, 'maybe'),
    },
  },
  {
    // A strong peer outside the South, sharing on data, analysis and labour mobility.
    iso3: 'CHE',
    language: 'fr',
    outcome: 'approved',
    profile: {
      areas: {
        A1: area(4, 2, 'yes'),
        A2: area(3.5, 2, 'yes'),
        A6: area(3.5, 2, 'yes'),
        A9: area(2, 4),
      },
      otherwise: area(3, 2, 'maybe'),
    },
  },
  {
    // Strong on labour mobility and partnerships in West Africa, weak on data.
    iso3: 'GHA',
    language: 'en',
    outcome: 'approved',
    profile: {
      areas: {
        A1: area(1.5, 4),
        A6: area(3.5, 3, 'yes'),
        A8: area(3, 3, 'yes'),
      },
      otherwise: area(2, 3, 'no'),
    },
  },
  {
    // Awaiting review: strong on labour mobility and protection.
    iso3: 'PHL',
    language: 'en',
    outcome: 'submitted',
    profile: {
      areas: { A6: area(4, 3, 'yes'), A7: area(3.5, 3, 'yes'), A9: area(1.5, 5) },
      otherwise: area(2.5, 3, 'maybe'),
    },
  },
  {
    // Returned with comments: the remittance answers look inconsistent with the evidence.
    iso3: 'MEX',
    language: 'es',
    outcome: 'returned',
    profile: { areas: { A5: area(4, 4, 'yes'), A1: area(1, 5) }, otherwise: area(2.5, 3, 'maybe') },
  },
  {
    // Still a draft: data collection answered, the rest to do.
    iso3: 'SEN',
    language: 'fr',
    outcome: 'draft',
    profile: { areas: {}, otherwise: area(1.5, 4) },
  },
];

export const demoReturnComment = {
  comment:
    'Thank you. The remittance answers (A5) look stronger than the evidence given: please check them with the central bank and add the references.',
  questionComments: { a5_2: 'Which regulation is this? Please cite it.' },
};

const seedActor = { kind: 'system', id: 'demo-seed' } as const;

/**
 * Answers, submits and reviews the demo countries that have no response yet. `tokens`: the demo
 * link of each country (by ISO3). Returns how many responses were seeded.
 */
export async function seedDemoResponses(
  forms: FormRegistry,
  roundId: string,
  formId: string,
  formVersion: number,
  tokens: ReadonlyMap<string, string>,
): Promise<number> {
  const form = findFormOrReject(forms, formId, formVersion);
  const organizer = (await listAccounts()).find((a) => a.role === 'organizer');
  const reviewer = { kind: 'account' as const, id: organizer?.id ?? 'demo-seed', label: organizer?.email ?? 'demo' };
  let seeded = 0;
  for (const plan of demoResponses) {
    const token = tokens.get(plan.iso3);
    if (!token) continue;
    if ((await getResponseState(roundId, plan.iso3)).status !== 'new') continue;
    const link = await resolveLink(token);
    const writer = { invitationId: link.invitationId };
    const answers = demoAnswers(form.scoringModel, plan.profile);
    seeded++;
    if (plan.outcome === 'draft') {
      const firstPage = Object.fromEntries(Object.entries(answers).filter(([name]) => name.startsWith('a1_')));
      await saveDraft(forms, link, { answers: firstPage, baseRevision: 0, locale: plan.language }, writer);
      continue;
    }
    const state = await submitResponse(
      forms,
      link,
      { answers, baseRevision: 0, locale: plan.language },
      writer,
      plan.language,
    );
    await scoreSubmission(forms, roundId, plan.iso3, state);
    const target = { kind: 'country', id: plan.iso3, label: link.country.name };
    await recordAudit({
      actor: seedActor,
      action: 'response.submit',
      roundId,
      target,
      details: { revision: state.revision },
    });
    if (plan.outcome === 'approved') {
      const approved = await approveResponse(roundId, plan.iso3, reviewer);
      await recordAudit({
        actor: seedActor,
        action: 'response.approve',
        roundId,
        target,
        details: { status: approved.status, revision: approved.revision },
      });
    } else if (plan.outcome === 'returned') {
      const returned = await returnResponse(roundId, plan.iso3, demoReturnComment, reviewer);
      await recordAudit({
        actor: seedActor,
        action: 'response.return',
        roundId,
        target,
        details: { status: returned.status, revision: returned.revision, comment: demoReturnComment.comment },
      });
    }
  }
  return seeded;
}
