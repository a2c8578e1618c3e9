// Replacing a round's pins and exclusions: checked first by matching the round's current data
// with them (the pure core names every pin that cannot hold: pinned and excluded, not demand,
// not eligible, more than wanted or than the provider's slots), stored only when all hold.
import type { FormRegistry } from '../forms/form-registry';
import type { PairRef } from '../matching/matching.types';
import { computeRun } from './compute-run';
import { recordAudit } from '../audit/record-audit';
import { auditOf, pinProblems, type Acting } from './match-runs';
import { gatherMatchingInputs } from './matching-inputs';
import type { MatchingPinsInput, PairInput } from './matching-runs.schemas';
import { putPinsAndExclusions } from './round-matching';

const pairRef = (p: PairInput): PairRef => ({ country: p.country, area: p.area, providerId: p.provider });

export async function replacePins(
  forms: FormRegistry,
  roundId: string,
  input: MatchingPinsInput,
  who: Acting,
): Promise<void> {
  const pins = input.pins.map(pairRef);
  const exclusions = input.exclusions.map(pairRef);
  const outcome = computeRun(await gatherMatchingInputs(forms, roundId), pins, exclusions);
  if (!outcome.ok) throw pinProblems(outcome.problems);
  await putPinsAndExclusions(roundId, pins, exclusions, who.by);
  await recordAudit({
    ...auditOf(who),
    action: 'matching.pinsChange',
    roundId,
    details: { pins: input.pins, exclusions: input.exclusions },
  });
}
