// Matching on the demo round, so that a newcomer sees proposed partnerships (with explanations and
// unmet demand) next to the demo partners, one confirmed partnership with its introductions in
// the outbox, and what a respondent sees of them (suggestions are shown on the demo round). Run
// once, when the demo round has approved responses and no run yet: called by the demo seed at
// every start, it does nothing once a run exists.
import type { FormRegistry } from '../forms/form-registry';
import type { StoredMatch } from './compute-run';
import { confirmMatch } from './introductions';
import { latestRunNumber, runRoundMatching, type Acting, type StoredRun } from './match-runs';
import { scoresForMatching } from './matching-inputs';
import { putMatchingSettings, roundMatchingState } from './round-matching';

const demoSeed: Acting = { actor: { kind: 'system', id: 'demo-seed' }, by: 'demo-seed' };

/** The match the demo confirms: a peer government helping Ethiopia if there is one, else the first. */
export function demoMatchToConfirm(matches: readonly StoredMatch[]): StoredMatch | undefined {
  return (
    matches.find((m) => m.country === 'ETH' && m.providerKind === 'government') ??
    matches.find((m) => m.providerKind === 'government') ??
    matches[0]
  );
}

export async function runDemoMatching(
  forms: FormRegistry,
  roundId: string,
  publicUrl: string,
): Promise<StoredRun | null> {
  if ((await latestRunNumber(roundId)) > 0) return null;
  if ((await scoresForMatching(roundId)).length === 0) return null;
  const state = await roundMatchingState(roundId);
  if (!state.showSuggestions)
    await putMatchingSettings(roundId, { ...state.stored, showSuggestions: true }, 'demo-seed');
  const run = await runRoundMatching(forms, roundId, demoSeed);
  const match = demoMatchToConfirm(run.matches);
  if (match) await confirmMatch(publicUrl, roundId, run.n, match.id, demoSeed);
  return run;
}
