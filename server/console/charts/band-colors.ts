// The colour of each score band, shared by the heat map (CSS classes in console.css, kept equal by
// a unit test) and the SVG charts (fill attributes). A colour-blind-safe orange-to-purple scale
// (ColorBrewer PuOr); each fill comes with the ink that reads on it at WCAG AA contrast. Bands are
// never told by colour alone: every cell and chart also says the number or the band's name.
// Insufficient data is not a band: no colour of the scale, but a hatch pattern and a "?".
import { BANDS, type Band } from '../../scoring/score';

export interface BandStyle {
  /** Class of an HTML cell in console.css. */
  className: string;
  fill: string;
  /** Text colour on that fill. */
  ink: string;
}

const styles: Record<Band, BandStyle> = {
  'requires further progress': { className: 'band-0', fill: '#e66101', ink: '#1a1a1a' },
  'partially meets': { className: 'band-1', fill: '#fdb863', ink: '#1a1a1a' },
  meets: { className: 'band-2', fill: '#b2abd2', ink: '#1a1a1a' },
  'fully meets': { className: 'band-3', fill: '#5e3c99', ink: '#ffffff' },
};

/** Insufficient data: white under a grey hatch, dark ink. */
export const insufficientStyle: BandStyle = { className: 'band-none', fill: '#ffffff', ink: '#1a1a1a' };
export const hatchColor = '#8a8a8a';

export const bandStyle = (band: Band | null): BandStyle => (band === null ? insufficientStyle : styles[band]);

export const bandIndex = (band: Band): number => BANDS.indexOf(band);

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
