// The console's chart geometry and band colours, in Node: scales, radar points (insufficient
// data skipped, never drawn at 0), stacked segments, WCAG contrast of every band, the same band
// colours in the stylesheet as in the SVG charts, and the charts' accessible names.
import fs from 'node:fs';
import path from 'node:path';
import { bandStyle, contrastRatio, insufficientStyle } from '../../server/console/charts/band-colors';
import {
  linearScale,
  pointsAttribute,
  radarAxes,
  radarPoint,
  radarPolygon,
  stackSegments,
} from '../../server/console/charts/geometry';
import { bandBars, radarChart, rangeChart, trendChart } from '../../server/console/charts/svg-charts';
import { priorityRanking } from '../../server/console/pages/country-profile';
import { sortOf } from '../../server/console/pages/gaps';
import { BANDS } from '../../server/scoring/score';

const center = { x: 100, y: 100 };

describe('linearScale', () => {
  it('When a value is mapped, then it lands proportionally in the range, inverted ranges included', () => {
    const x = linearScale([0, 100], [10, 210]);
    expect([x(0), x(50), x(100)]).toEqual([10, 110, 210]);
    const y = linearScale([0, 100], [120, 20]);
    expect([y(0), y(25), y(100)]).toEqual([120, 95, 20]);
  });

  it('When the domain is a single value, then everything maps to the start of the range', () => {
    expect(linearScale([5, 5], [0, 10])(5)).toBe(0);
  });
});

describe('radar geometry', () => {
  it('When four axes are drawn, then the first points up and the others follow clockwise', () => {
    expect(radarAxes(4, 50, center)).toEqual([
      { x: 100, y: 50 },
      { x: 150, y: 100 },
      { x: 100, y: 150 },
      { x: 50, y: 100 },
    ]);
  });

  it('When a value is placed, then its distance from the centre is its share of the maximum, clamped', () => {
    expect(radarPoint(0, 4, 50, 100, 80, center)).toEqual({ x: 100, y: 60 });
    expect(radarPoint(1, 4, 150, 100, 80, center)).toEqual({ x: 180, y: 100 });
    expect(radarPoint(1, 4, -5, 100, 80, center)).toEqual({ x: 100, y: 100 });
  });

  it('When an area has insufficient data, then the polygon skips its axis instead of drawing it at 0', () => {
    const polygon = radarPolygon([100, null, 100, 0], 100, 50, center);
    expect(polygon).toEqual([
      { x: 100, y: 50 },
      { x: 100, y: 150 },
      { x: 100, y: 100 },
    ]);
    expect(pointsAttribute(polygon)).toBe('100,50 100,150 100,100');
  });
});

describe('stackSegments', () => {
  it('When counts are stacked, then the segments are consecutive and fill the width', () => {
    expect(stackSegments([1, 0, 3], 100)).toEqual([
      { x: 0, width: 25 },
      { x: 25, width: 0 },
      { x: 25, width: 75 },
    ]);
  });

  it('When every count is 0, then every segment is empty', () => {
    expect(stackSegments([0, 0], 100)).toEqual([
      { x: 0, width: 0 },
      { x: 0, width: 0 },
    ]);
  });
});

describe('band colours', () => {
  it('When text is written on a band colour, then it has at least WCAG AA contrast (4.5:1)', () => {
    for (const style of [...BANDS.map((b) => bandStyle(b)), insufficientStyle])
      expect({ fill: style.fill, ok: contrastRatio(style.fill, style.ink) >= 4.5 }).toEqual({
        fill: style.fill,
        ok: true,
      });
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
  });

  it('When bands are compared, then each has its own colour and insufficient data none of theirs', () => {
    const fills = BANDS.map((b) => bandStyle(b).fill);
    expect(new Set(fills).size).toBe(4);
    expect(fills).not.toContain(bandStyle(null).fill);
    expect(bandStyle(null).className).toBe('band-none');
  });

  it('When the stylesheet is read, then its band classes have the colours of the charts', () => {
    const css = fs.readFileSync(path.join(__dirname, '../../server/console/public/console.css'), 'utf8');
    for (const band of BANDS) {
      const { className, fill, ink } = bandStyle(band);
      const rule = new RegExp(`\\.${className} \\{\\s*background: ${fill};\\s*color: ${ink};`);
      expect({ className, inCss: rule.test(css) }).toEqual({ className, inCss: true });
    }
  });
});

describe('SVG charts', () => {
  const names = (svg: string) => ({
    role: /role="img"/.test(svg),
    labelledBy: /aria-labelledby="c-title"\s+aria-describedby="c-desc"/.test(svg),
    title: /<title id="c-title">T &amp; co<\/title>/.test(svg),
    desc: /<desc id="c-desc">D<\/desc>/.test(svg),
  });
  const all = { role: true, labelledBy: true, title: true, desc: true };
  const text = { id: 'c', title: 'T & co', desc: 'D' };

  it('When each chart is drawn, then it is one image named by its title and described by its desc', () => {
    const radar = radarChart(
      text,
      [
        { label: 'A1', capacity: 50, target: 75 },
        { label: 'A2', capacity: null, target: 100 },
        { label: 'A3', capacity: 20, target: 100 },
      ],
      { capacity: 'capacity', target: 'target', insufficient: 'insufficient data' },
    ).text;
    expect(names(radar)).toEqual(all);
    expect(radar).toContain('A2 ?'); // insufficient data marked by the label, not a point at 0
    expect(radar.match(/<circle/g)).toHaveLength(2);
    expect(
      names(
        rangeChart(text, [{ label: 'Africa', stats: { mean: 40, median: 45, min: 10, max: 70 } }], {
          range: 'r',
          mean: 'm',
          median: 'md',
          none: 'n',
        }).text,
      ),
    ).toEqual(all);
    const bars = bandBars(text, [{ label: 'Africa', bands: [1, 0, 2, 0], insufficient: 1 }], {
      bands: ['a', 'b', 'c', 'd'],
      insufficient: 'i',
    }).text;
    expect(names(bars)).toEqual(all);
    expect(bars).toContain('url(#c-hatch)');
    expect(
      names(
        trendChart(text, 'A1', [
          { label: 'R1', value: 40 },
          { label: 'R2', value: null },
        ]).text,
      ),
    ).toEqual(all);
  });
});

describe('page orderings', () => {
  it('When areas are ranked, then the highest priority comes first and areas without one last', () => {
    const ranked = priorityRanking([
      { area: 'A1', priority: 5 },
      { area: 'A2', priority: null },
      { area: 'A3', priority: 20 },
    ]);
    expect(ranked.map((a) => a.area)).toEqual(['A3', 'A1', 'A2']);
  });

  it('When ?sort= names an area of the round, then it sorts by it; anything else sorts by country', () => {
    expect(sortOf('A10.priority', ['A1', 'A10'])).toEqual({ kind: 'priority', area: 'A10' });
    expect(sortOf('A3.capacity', ['A1'])).toEqual({ kind: 'country' });
    expect(sortOf(['A1.gap'], ['A1'])).toEqual({ kind: 'country' });
  });
});
