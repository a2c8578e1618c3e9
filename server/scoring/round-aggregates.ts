// Use case: the aggregate view of a round's current scores along one grouping dimension.
import { defaultSouthSettings, type SouthDefinition } from '../reference/global-south';
import { currentGroups, listCountries } from '../reference/reference-store';
import type { HdiGroup } from '../reference/reference.types';
import { findRoundOrReject } from '../rounds/find-round';
import { aggregateScores, type GroupAggregate } from './aggregate';
import { groupKeysOf, type GroupingDimension } from './country-groupings';
import { countedScores, type ScoresFrom } from './scores-from';

export interface RoundAggregates {
  roundId: string;
  by: GroupingDimension;
  /** Whose scores these are: approved responses only, or every submitted one (the round's setting). */
  scoresFrom: ScoresFrom;
  southDefinition: SouthDefinition;
  countriesScored: number;
  groups: GroupAggregate[];
}

export async function aggregateRound(roundId: string, by: GroupingDimension): Promise<RoundAggregates> {
  const round = await findRoundOrReject(roundId);
  const { scoresFrom, scores } = await countedScores(round);
  const definition = (round.scoring?.southDefinition ?? 'un-regions') as SouthDefinition;
  const ctx = {
    countries: new Map((await listCountries()).map((c) => [c.iso3, c])),
    groups: by === 'group' ? await currentGroups() : [], // only grouping by REC/RCP needs them
    south: {
      definition,
      settings: {
        ...defaultSouthSettings,
        hdiSouthGroups: (round.scoring?.southHdiGroups ?? defaultSouthSettings.hdiSouthGroups) as HdiGroup[],
      },
    },
    date: new Date(),
  };
  const entries = [...scores.values()].map((s) => ({
    country: s.country,
    groups: groupKeysOf(s.country, by, ctx),
    scores: s,
  }));
  return {
    roundId: String(round._id),
    by,
    scoresFrom,
    southDefinition: definition,
    countriesScored: entries.length,
    groups: aggregateScores(entries),
  };
}
