// The settings of partnership matching (weights of the candidate score, eligibility thresholds,
// partners per area) and their version. A match run stores the version and the resolved settings
// it used, like a score snapshot stores the scoring methodology, so that an old proposal stays
// explainable after the defaults change. Pure: no I/O.
import {
  defaultSouthSettings,
  southDefinitions,
  type SouthDefinition,
  type SouthSettings,
} from '../reference/global-south';
import { groupTypes, type GroupType } from '../reference/reference.types';

/**
 * Version of the matching methodology: the terms and their raw values (candidate-score.ts),
 * eligibility (eligibility.ts), the allocation rule (allocate.ts) and the defaults below.
 * ANY change to one of them MUST bump this version (year.sequence).
 */
export const MATCHING_METHODOLOGY_VERSION = '2026.1';

/** The terms of the candidate score, in the order they are reported and explained. */
export const matchingTerms = [
  'strength',
  'subRegion',
  'groups',
  'border',
  'language',
  'corridor',
  'south',
  'incomeHdi',
  'worksIn',
  'modality',
] as const;
export type MatchingTerm = (typeof matchingTerms)[number];

export type MatchingWeights = Record<MatchingTerm, number>;

export interface MatchingSettings {
  /** Weight of each term; each raw value is in 0..1 and the score is 100 × Σ w·raw ÷ Σ w. */
  weights: MatchingWeights;
  /** A scored (country, area) is demand when its priority is at least this (0..100). */
  priorityThreshold: number;
  /** k: partners a requester wants per area. */
  partnersPerArea: number;
  /** A peer government offers an area where its capacity is at least this (0..100). */
  peerMinCapacity: number;
  /** ... and at least this many points above the requester's capacity. */
  peerMinMargin: number;
  /** Partnerships a peer government takes per area when it stated no number. */
  peerSlotsPerArea: number;
  /** Whether "share: maybe" makes a peer government a provider (always with "yes"). */
  allowMaybe: boolean;
  /** The round's definition of the global South, for the "both in the South" term. */
  southDefinition: SouthDefinition;
  south: SouthSettings;
  /** Kinds of country groups that count for the "shared REC or RCP" term. */
  groupTypes: GroupType[];
  /** Migrant stock (both directions) that gives the corridor term its full value; log-scaled below. */
  corridorFullAt: number;
  /**
   * Raw strength of an organization (peers have their capacity margin ÷ 100): an organization
   * that offers the area counts as a peer 50 points above the requester by default.
   */
  organizationStrength: number;
  /** Whether an organization is eligible only where it works (globally, in the region or the country). */
  organizationsOnlyWhereTheyWork: boolean;
}

export const DEFAULT_MATCHING_WEIGHTS: Readonly<MatchingWeights> = Object.freeze({
  strength: 3,
  subRegion: 1,
  groups: 1,
  border: 1,
  language: 2,
  corridor: 1,
  south: 1,
  incomeHdi: 1,
  worksIn: 1,
  modality: 1,
});

export const DEFAULT_MATCHING_SETTINGS: Readonly<MatchingSettings> = Object.freeze({
  weights: DEFAULT_MATCHING_WEIGHTS,
  priorityThreshold: 20,
  partnersPerArea: 2,
  peerMinCapacity: 75,
  peerMinMargin: 25,
  peerSlotsPerArea: 2,
  allowMaybe: false,
  southDefinition: 'un-regions',
  south: defaultSouthSettings,
  groupTypes: [...groupTypes],
  corridorFullAt: 1_000_000,
  organizationStrength: 0.5,
  organizationsOnlyWhereTheyWork: true,
});

export type MatchingSettingsInput = Partial<Omit<MatchingSettings, 'weights'>> & { weights?: Partial<MatchingWeights> };

const MAX_WEIGHT = 1000;
const MAX_COUNT = 1000;

function check(ok: boolean, message: string): void {
  if (!ok) throw new RangeError(message);
}

const inRange = (v: number, min: number, max: number) => Number.isFinite(v) && v >= min && v <= max;

/**
 * Full settings from partial ones, checked. Settings are configuration, not respondents' data: a
 * bad value is a mistake to stop on, so this throws a RangeError naming it. Returns copies, so
 * that a stored run does not change when the caller edits its objects.
 */
export function resolveMatchingSettings(input: MatchingSettingsInput = {}): MatchingSettings {
  const d = DEFAULT_MATCHING_SETTINGS;
  const weights: MatchingWeights = { ...d.weights };
  for (const [term, w] of Object.entries(input.weights ?? {})) {
    check((matchingTerms as readonly string[]).includes(term), `unknown matching term ${term}`);
    check(
      typeof w === 'number' && inRange(w, 0, MAX_WEIGHT),
      `weight of ${term} must be a number from 0 to ${MAX_WEIGHT}, not ${String(w)}`,
    );
    weights[term as MatchingTerm] = w as number;
  }
  check(
    matchingTerms.some((t) => weights[t] > 0),
    'at least one matching weight must be above 0',
  );
  const s: MatchingSettings = {
    weights,
    priorityThreshold: input.priorityThreshold ?? d.priorityThreshold,
    partnersPerArea: input.partnersPerArea ?? d.partnersPerArea,
    peerMinCapacity: input.peerMinCapacity ?? d.peerMinCapacity,
    peerMinMargin: input.peerMinMargin ?? d.peerMinMargin,
    peerSlotsPerArea: input.peerSlotsPerArea ?? d.peerSlotsPerArea,
    allowMaybe: input.allowMaybe ?? d.allowMaybe,
    southDefinition: input.southDefinition ?? d.southDefinition,
    south: {
      hdiSouthGroups: [...(input.south ?? d.south).hdiSouthGroups],
      gulfStates: [...(input.south ?? d.south).gulfStates],
    },
    groupTypes: [...(input.groupTypes ?? d.groupTypes)],
    corridorFullAt: input.corridorFullAt ?? d.corridorFullAt,
    organizationStrength: input.organizationStrength ?? d.organizationStrength,
    organizationsOnlyWhereTheyWork: input.organizationsOnlyWhereTheyWork ?? d.organizationsOnlyWhereTheyWork,
  };
  check(inRange(s.priorityThreshold, 0, 100), `priorityThreshold must be from 0 to 100, not ${s.priorityThreshold}`);
  check(
    Number.isInteger(s.partnersPerArea) && inRange(s.partnersPerArea, 1, MAX_COUNT),
    `partnersPerArea must be an integer from 1 to ${MAX_COUNT}, not ${s.partnersPerArea}`,
  );
  check(inRange(s.peerMinCapacity, 0, 100), `peerMinCapacity must be from 0 to 100, not ${s.peerMinCapacity}`);
  check(inRange(s.peerMinMargin, 0, 100), `peerMinMargin must be from 0 to 100, not ${s.peerMinMargin}`);
  check(
    Number.isInteger(s.peerSlotsPerArea) && inRange(s.peerSlotsPerArea, 0, MAX_COUNT),
    `peerSlotsPerArea must be an integer from 0 to ${MAX_COUNT}, not ${s.peerSlotsPerArea}`,
  );
  check(typeof s.allowMaybe === 'boolean', 'allowMaybe must be true or false');
  check(
    (southDefinitions as readonly string[]).includes(s.southDefinition),
    `unknown southDefinition ${s.southDefinition}`,
  );
  check(
    s.groupTypes.every((t) => (groupTypes as readonly string[]).includes(t)),
    `groupTypes must be among ${groupTypes.join(', ')}`,
  );
  check(
    Number.isFinite(s.corridorFullAt) && s.corridorFullAt >= 1,
    `corridorFullAt must be a number of at least 1, not ${s.corridorFullAt}`,
  );
  check(
    inRange(s.organizationStrength, 0, 1),
    `organizationStrength must be from 0 to 1, not ${s.organizationStrength}`,
  );
  check(typeof s.organizationsOnlyWhereTheyWork === 'boolean', 'organizationsOnlyWhereTheyWork must be true or false');
  return s;
}
