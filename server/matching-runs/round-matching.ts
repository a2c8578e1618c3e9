// A round's matching settings, pins and exclusions: reading them (defaults where nothing was set)
// and replacing them. One small document per round, looked up by _id.
import {
  resolveMatchingSettings,
  type MatchingSettings,
  type MatchingSettingsInput,
} from '../matching/matching-settings';
import type { PairRef } from '../matching/matching.types';
import { AppError } from '../http/problem';
import { RoundMatching } from './matching-runs.model';
import type { MatchingSettingsBody } from './matching-runs.schemas';

export interface RoundMatchingState {
  /** As set for the round (partial). */
  stored: MatchingSettingsInput;
  showSuggestions: boolean;
  pins: PairRef[];
  exclusions: PairRef[];
}

type StoredPair = { country?: string | null; area?: string | null; providerId?: string | null };
const pairs = (list: StoredPair[] | undefined): PairRef[] =>
  (list ?? []).map((p) => ({ country: String(p.country), area: String(p.area), providerId: String(p.providerId) }));

export async function roundMatchingState(roundId: string): Promise<RoundMatchingState> {
  const doc = await RoundMatching.findById(roundId).lean();
  return {
    stored: (doc?.settings ?? {}) as MatchingSettingsInput,
    showSuggestions: doc?.showSuggestions ?? false,
    pins: pairs(doc?.pins as StoredPair[] | undefined),
    exclusions: pairs(doc?.exclusions as StoredPair[] | undefined),
  };
}

/**
 * The settings a run of this round uses: the round's own over the defaults
 * (server/matching/matching-settings.ts), with the round's definition of the global South
 * (its scoring settings) so that matching and the aggregates speak of the same South.
 */
export function effectiveSettings(
  state: RoundMatchingState,
  round: { scoring?: { southDefinition?: string | null; southHdiGroups?: string[] | null } | null },
): MatchingSettings {
  const south = round.scoring;
  return resolveMatchingSettings({
    ...state.stored,
    ...(south?.southDefinition
      ? { southDefinition: south.southDefinition as MatchingSettings['southDefinition'] }
      : {}),
    ...(south?.southHdiGroups
      ? {
          south: {
            hdiSouthGroups: [...south.southHdiGroups] as MatchingSettings['south']['hdiSouthGroups'],
            gulfStates: resolveMatchingSettings().south.gulfStates,
          },
        }
      : {}),
  });
}

/** Replaces the round's matching settings (omitted ones go back to the defaults); 422 when they do not hold. */
export async function putMatchingSettings(
  roundId: string,
  body: MatchingSettingsBody,
  by: string,
): Promise<RoundMatchingState> {
  const { showSuggestions, ...settings } = body;
  try {
    resolveMatchingSettings(settings);
  } catch (err) {
    if (err instanceof RangeError)
      throw new AppError('unprocessable', err.message, [{ field: 'body', message: err.message }]);
    throw err;
  }
  await RoundMatching.updateOne(
    { _id: roundId },
    { $set: { settings, showSuggestions: showSuggestions ?? false, updatedBy: by } },
    { upsert: true },
  );
  return roundMatchingState(roundId);
}

/** Replaces the round's pins and exclusions (already checked by the caller). */
export async function putPinsAndExclusions(
  roundId: string,
  pins: PairRef[],
  exclusions: PairRef[],
  by: string,
): Promise<void> {
  await RoundMatching.updateOne({ _id: roundId }, { $set: { pins, exclusions, updatedBy: by } }, { upsert: true });
}
