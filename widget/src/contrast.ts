/** Colour parsing and WCAG contrast: the text on the merchant's colour is always readable. */

export type Rgb = readonly [number, number, number];

export const DEFAULT_ACCENT = "#0b5cd5";

/** Parses `#rgb` and `#rrggbb`; null for anything else (the accent then falls back to the default). */
export function parseColor(input: string): Rgb | null {
  const value = input.trim();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(value);
  const match = short ?? /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value);
  return match ? (match.slice(1).map((hex) => Number.parseInt(short ? hex + hex : hex, 16)) as unknown as Rgb) : null;
}

function linear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance([r, g, b]: Rgb): number {
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];

/** The accent to use (the merchant's when it parses) and the text colour with the higher contrast on it. */
export function accentColors(requested: string | null | undefined): { accent: string; onAccent: string } {
  const parsed = requested ? parseColor(requested) : null;
  const accent = parsed && requested ? requested.trim() : DEFAULT_ACCENT;
  const rgb = parsed ?? (parseColor(DEFAULT_ACCENT) as Rgb);
  // Pure black or white: one of the two always reaches at least 4.58:1 on any colour.
  const onAccent = contrastRatio(rgb, WHITE) >= contrastRatio(rgb, BLACK) ? "#ffffff" : "#000000";
  return { accent, onAccent };
}
