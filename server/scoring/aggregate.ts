// Group-level views of countries' scores (region, income group, "global South" definition, ...):
// per group and area, how many countries are scored, how many have insufficient data, summary
// statistics and the band distribution. Insufficient-data areas are counted apart and never
// enter a statistic: averaging them in as 0 would show missing answers as absent capacity.
import { compareIds } from './scoring-model';
import { BANDS, type Band, type ScoresSummary } from './score';

export interface AggregateEntry {
  country: string;
  /** Group keys chosen by the caller, e.g. 'region:Africa', 'income:Low income'. */
  groups: string[];
  scores: ScoresSummary;
}

export interface AggregateOptions {
  /** Key of the group holding every country; default 'all'. */
  allGroup?: string;
}

export interface Stats {
  n: number;
  mean: number;
  median: number;
  min: number;
  max: number;
}

export interface AreaAggregate {
  area: string;
  /** Countries whose area is scored. */
  scored: number;
  /** Countries whose area has insufficient data: counted here only. */
  insufficientData: number;
  /** Over scored countries; null when none. */
  capacity: Stats | null;
  gap: Stats | null;
  /** Over scored countries that gave an importance (priority needs it); null when none. */
  priority: Stats | null;
  bands: Record<Band, number>;
}

export interface GroupAggregate {
  group: string;
  /** Countries in the group, whatever their areas' status. */
  countries: number;
  areas: AreaAggregate[];
}

/** Arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Median (mean of the two middle values for an even count); null for no values. Does not sort the input. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function stats(values: number[]): Stats | null {
  if (values.length === 0) return null;
  let min = values[0];
  let max = values[0];
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { n: values.length, mean: mean(values)!, median: median(values)!, min, max };
}

function aggregateArea(area: string, members: AggregateEntry[]): AreaAggregate {
  const capacity: number[] = [];
  const gap: number[] = [];
  const priority: number[] = [];
  const bands = Object.fromEntries(BANDS.map((b) => [b, 0])) as Record<Band, number>;
  let insufficientData = 0;
  for (const entry of members) {
    const score = entry.scores.areas.find((a) => a.area === area);
    if (!score) continue; // the country's form has no such area: neither scored nor insufficient
    if (score.status !== 'scored' || score.capacity === null || score.gap === null || score.band === null) {
      insufficientData++;
      continue;
    }
    capacity.push(score.capacity);
    gap.push(score.gap);
    if (score.priority !== null) priority.push(score.priority);
    bands[score.band]++;
  }
  return {
    area,
    scored: capacity.length,
    insufficientData,
    capacity: stats(capacity),
    gap: stats(gap),
    priority: stats(priority),
    bands,
  };
}

/**
 * Aggregates by group: the 'all' group first, then the caller's groups in code-point order;
 * areas in numeric id order (union of the areas of every entry's scores). A country may be in
 * several groups; listing a group twice for one country counts it once. The caller passes one
 * score snapshot per country, of one methodology version (means across methodologies or
 * settings mean nothing); a country given twice is refused rather than counted twice.
 */
export function aggregateScores(entries: readonly AggregateEntry[], options: AggregateOptions = {}): GroupAggregate[] {
  const allGroup = options.allGroup ?? 'all';
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.country))
      throw new Error(`country ${entry.country} is given twice: aggregate one score per country`);
    seen.add(entry.country);
  }
  const members = new Map<string, AggregateEntry[]>([[allGroup, [...entries]]]);
  for (const entry of entries) {
    for (const group of new Set(entry.groups)) {
      if (group === allGroup) continue; // already there
      const list = members.get(group) ?? [];
      list.push(entry);
      members.set(group, list);
    }
  }
  const areas = [...new Set(entries.flatMap((e) => e.scores.areas.map((a) => a.area)))].sort(compareIds);
  const groups = [
    allGroup,
    ...[...members.keys()].filter((g) => g !== allGroup).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
  ];
  return groups.map((group) => {
    const list = members.get(group)!;
    return { group, countries: list.length, areas: areas.map((area) => aggregateArea(area, list)) };
  });
}
