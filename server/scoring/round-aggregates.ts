// Use case: the aggregate view of a round's current scores along one grouping dimension, and
// the grouping context (reference data, the round's "global South" settings) that places a
// round's countries in groups, for the console's filters too.
import { defaultSouthSettings, southDefinitions, type SouthDefinition } from '../reference/global-south';
import { currentGroups, listCountries } from '../reference/reference-store';
import type { CountryNames, HdiGroup } from '../reference/reference.types';
import { findRoundOrReject } from '../rounds/find-round';
import { aggregateScores, type GroupAggregate } from './aggregate';
import { groupingDimensions, groupKeysOf, type GroupingContext, type GroupingDimension } from './country-groupings';
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

type RoundScoring = { scoring?: { southDefinition?: string | null; southHdiGroups?: string[] | null } | null };

/** The round's own "global South" definition (un-regions unless set). */
export const southDefinitionOfRound = (round: RoundScoring): SouthDefinition =>
  (round.scoring?.southDefinition ?? 'un-regions') as SouthDefinition;

/**
 * What groupKeysOf needs for a round: reference countries, the REC/RCP memberships when
 * `memberships` (only grouping by REC/RCP reads them), and the South definition asked for,
 * else the round's, with the round's HDI setting.
 */
export async function groupingContextOf(
  round: RoundScoring,
  options: { memberships: boolean; southDefinition?: SouthDefinition },
): Promise<GroupingContext> {
  return {
    countries: new Map((await listCountries()).map((c) => [c.iso3, c])),
    groups: options.memberships ? await currentGroups() : [],
    south: {
      definition: options.southDefinition ?? southDefinitionOfRound(round),
      settings: {
        ...defaultSouthSettings,
        hdiSouthGroups: (round.scoring?.southHdiGroups ?? defaultSouthSettings.hdiSouthGroups) as HdiGroup[],
      },
    },
    date: new Date(),
  };
}

/** By `by`; grouping by South uses `southDefinition` when given, else the round's own. */
export async function aggregateRound(
  roundId: string,
  by: GroupingDimension,
  southDefinition?: SouthDefinition,
): Promise<RoundAggregates> {
  const round = await findRoundOrReject(roundId);
  const { scoresFrom, scores } = await countedScores(round);
  const ctx = await groupingContextOf(round, { memberships: by === 'group', southDefinition });
  const entries = [...scores.values()].map((s) => ({
    country: s.country,
    groups: groupKeysOf(s.country, by, ctx),
    scores: s,
  }));
  return {
    roundId: String(round._id),
    by,
    scoresFrom,
    southDefinition: ctx.south.definition,
    countriesScored: entries.length,
    groups: aggregateScores(entries),
  };
}

export interface RoundCountryGroups {
  /** Every group key of each country: each dimension, and the South under each definition. */
  keys: Map<string, string[]>;
  /** REC/RCP names by code. */
  groupNames: Map<string, string>;
  /** Country names in en/fr/es, by ISO3 (countries the reference data knows). */
  countryNames: Map<string, CountryNames>;
}

/** The groups each of the round's countries falls in, for filters (one read of the reference data). */
export async function roundCountryGroups(round: RoundScoring & { countries: readonly { iso3: string }[] }) {
  const ctx = await groupingContextOf(round, { memberships: true });
  const keys = new Map<string, string[]>();
  for (const { iso3 } of round.countries) {
    const own = groupingDimensions.filter((d) => d !== 'south').flatMap((d) => groupKeysOf(iso3, d, ctx));
    const south = southDefinitions.flatMap((definition) =>
      groupKeysOf(iso3, 'south', { ...ctx, south: { ...ctx.south, definition } }),
    );
    keys.set(iso3, [...own, ...south]);
  }
  return {
    keys,
    groupNames: new Map(ctx.groups.map((g) => [g.code, g.name])),
    countryNames: new Map([...ctx.countries].map(([iso3, c]) => [iso3, c.names])),
  } satisfies RoundCountryGroups;
}
