// Columns of the score and aggregate exports: one row per country and area, and one row per
// group and area. Numbers are rounded to one decimal for reading; the API keeps full precision.
import type { AreaAggregate, GroupAggregate } from '../scoring/aggregate';
import type { AreaSummary } from '../scoring/score';
import type { CountryScores } from '../scoring/round-scores';
import type { Column } from './table-writer';

const round1 = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 10) / 10);

export interface ScoreRow {
  countryName: string;
  scores: CountryScores;
  area: AreaSummary;
}

export const scoreColumns: Column<ScoreRow>[] = [
  { header: 'iso3', value: (r) => r.scores.country, width: 6 },
  { header: 'country', value: (r) => r.countryName, width: 20 },
  { header: 'area', value: (r) => r.area.area, width: 6 },
  { header: 'status', value: (r) => r.area.status, width: 16 },
  { header: 'capacity', value: (r) => round1(r.area.capacity) },
  { header: 'target', value: (r) => round1(r.area.target) },
  { header: 'gap', value: (r) => round1(r.area.gap) },
  { header: 'priority', value: (r) => round1(r.area.priority) },
  { header: 'band', value: (r) => r.area.band, width: 24 },
  { header: 'completeness', value: (r) => round1(r.area.completeness * 100) },
  { header: 'confidence', value: (r) => round1(r.area.confidence * 100) },
  { header: 'importance', value: (r) => r.area.importance },
  { header: 'target_level', value: (r) => r.area.targetLevel },
  { header: 'share_expertise', value: (r) => r.area.share },
  { header: 'form', value: (r) => `${r.scores.formId} v${r.scores.formVersion}` },
  { header: 'methodology', value: (r) => r.scores.methodologyVersion },
  { header: 'computed_at', value: (r) => r.scores.computedAt.toISOString(), width: 24 },
];

export interface AggregateRow {
  group: GroupAggregate;
  area: AreaAggregate;
}

export const aggregateColumns: Column<AggregateRow>[] = [
  { header: 'group', value: (r) => r.group.group, width: 30 },
  { header: 'area', value: (r) => r.area.area, width: 6 },
  { header: 'countries', value: (r) => r.group.countries },
  { header: 'scored', value: (r) => r.area.scored },
  { header: 'insufficient_data', value: (r) => r.area.insufficientData },
  { header: 'capacity_mean', value: (r) => round1(r.area.capacity?.mean) },
  { header: 'capacity_median', value: (r) => round1(r.area.capacity?.median) },
  { header: 'capacity_min', value: (r) => round1(r.area.capacity?.min) },
  { header: 'capacity_max', value: (r) => round1(r.area.capacity?.max) },
  { header: 'gap_mean', value: (r) => round1(r.area.gap?.mean) },
  { header: 'gap_median', value: (r) => round1(r.area.gap?.median) },
  { header: 'priority_mean', value: (r) => round1(r.area.priority?.mean) },
  { header: 'priority_median', value: (r) => round1(r.area.priority?.median) },
  { header: 'requires_further_progress', value: (r) => r.area.bands['requires further progress'] },
  { header: 'partially_meets', value: (r) => r.area.bands['partially meets'] },
  { header: 'meets', value: (r) => r.area.bands.meets },
  { header: 'fully_meets', value: (r) => r.area.bands['fully meets'] },
];

export function* scoreRows(scores: Iterable<CountryScores>, names: Map<string, string>): Generator<ScoreRow> {
  for (const s of scores)
    for (const area of s.areas) yield { countryName: names.get(s.country) ?? s.country, scores: s, area };
}

export function* aggregateRows(groups: Iterable<GroupAggregate>): Generator<AggregateRow> {
  for (const group of groups) for (const area of group.areas) yield { group, area };
}
