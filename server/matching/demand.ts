// Demand: every (country, area) whose area is scored and whose priority reaches the threshold.
// Areas with insufficient data never create demand: their capacity is unknown, so no one can be
// said to be ahead of them. Pure.
import type { MatchingSettings } from './matching-settings';
import type { CountryScoreList, DemandItem } from './matching.types';

export function demandFrom(
  countries: readonly CountryScoreList[],
  settings: Pick<MatchingSettings, 'priorityThreshold'>,
): DemandItem[] {
  const out: DemandItem[] = [];
  for (const c of countries) {
    for (const a of c.areas) {
      if (a.status !== 'scored' || a.capacity === null || a.priority === null) continue;
      if (a.priority < settings.priorityThreshold) continue;
      out.push({
        country: c.country,
        area: a.area,
        capacity: a.capacity,
        priority: a.priority,
        target: a.target,
        workingLanguages: [...(c.workingLanguages ?? [])].sort(),
        wantedModalities: [...(c.wantedModalities ?? [])].sort(),
      });
    }
  }
  return out;
}
