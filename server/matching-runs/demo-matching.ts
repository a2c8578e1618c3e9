// Matching on the demo round, so that a newcomer sees proposed partnerships (with explanations and
// unmet demand) next to the demo partners: run once, when the demo round has submitted responses
// and no run yet. Called by the demo seed at every start; does nothing until demo responses exist.
import type { FormRegistry } from '../forms/form-registry';
import { latestRunNumber, runRoundMatching, type StoredRun } from './match-runs';
import { scoresForMatching } from './matching-inputs';

export async function runDemoMatching(forms: FormRegistry, roundId: string): Promise<StoredRun | null> {
  if ((await latestRunNumber(roundId)) > 0) return null;
  if ((await scoresForMatching(roundId)).length === 0) return null;
  return runRoundMatching(forms, roundId, { actor: { kind: 'system', id: 'demo-seed' }, by: 'demo-seed' });
}
