// Pure geometry of the console's server-rendered charts: linear scales, the points of a radar
// chart, stacked segments, and coordinates as short strings. No markup here (svg-charts.ts draws),
// so the arithmetic is unit-tested on its own (test/unit/console-charts.test.ts).

export interface Point {
  x: number;
  y: number;
}

/** Maps [d0, d1] linearly onto [r0, r1]; a degenerate domain maps everything to r0. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (value: number): number => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

/** One decimal is finer than a pixel and keeps the markup short. */
export const round1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * The point of axis `index` of `count` at `value` on a 0..max scale: axis 0 points up and the
 * axes follow clockwise, as radar charts are read. Values are clamped to the scale.
 */
export function radarPoint(
  index: number,
  count: number,
  value: number,
  max: number,
  radius: number,
  center: Point,
): Point {
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
  const r = (Math.min(Math.max(value, 0), max) / max) * radius;
  return { x: round1(center.x + r * Math.cos(angle)), y: round1(center.y + r * Math.sin(angle)) };
}

/** The outer end of each of `count` radar axes. */
export function radarAxes(count: number, radius: number, center: Point): Point[] {
  return Array.from({ length: count }, (_, i) => radarPoint(i, count, 1, 1, radius, center));
}

/**
 * The polygon through the axes that have a value; axes without one (insufficient data) are
 * skipped rather than drawn at 0, which would show missing answers as absent capacity.
 */
export function radarPolygon(values: readonly (number | null)[], max: number, radius: number, center: Point): Point[] {
  return values.flatMap((v, i) => (v === null ? [] : [radarPoint(i, values.length, v, max, radius, center)]));
}

/** "x,y x,y …" for a polygon's or polyline's points attribute. */
export const pointsAttribute = (points: readonly Point[]): string => points.map((p) => `${p.x},${p.y}`).join(' ');

/** Consecutive segments of a bar of `width` for `counts` (0-wide segments included, in order). */
export function stackSegments(counts: readonly number[], width: number): { x: number; width: number }[] {
  const total = counts.reduce((a, b) => a + b, 0);
  let x = 0;
  return counts.map((count) => {
    const w = total === 0 ? 0 : (count / total) * width;
    const segment = { x: round1(x), width: round1(w) };
    x += w;
    return segment;
  });
}
