/**
 * Text measuring without a browser: a fixed table of advance widths (in thousandths of an em) for
 * the metric family of Arial/Helvetica/Liberation Sans, which the SVG asks for first. Boxes are
 * sized with the same table the tests check labels against, so "every label fits" is provable here
 * and holds in any renderer whose font is no wider than this table (with the safety margin below).
 */

// Advance widths of printable ASCII, code points 32..126, regular weight.
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
  500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
  556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
  278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/** Bold faces of this family run up to about 10% wider than regular. */
const BOLD_FACTOR = 1.1;
/** Covers renderers whose fallback font is a little wider than the table. */
const SAFETY = 1.06;

export type FontWeight = "normal" | "bold";

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x1f000
  );
}

/** Width of one character in thousandths of an em; unknown characters get a generous width. */
function charUnits(code: number): number {
  if (code >= 32 && code <= 126) return ASCII_WIDTHS[code - 32] ?? 1000;
  if (code < 32 || (code >= 0x300 && code <= 0x36f) || code === 0x200b) return 0;
  if (isWide(code)) return 1000;
  return 780;
}

/** The width a line of text takes, in pixels, at a font size in pixels. */
export function textWidth(text: string, fontSize: number, weight: FontWeight = "normal"): number {
  let units = 0;
  for (const char of text) units += charUnits(char.codePointAt(0) ?? 0);
  const factor = weight === "bold" ? BOLD_FACTOR : 1;
  return Math.ceil((units / 1000) * fontSize * factor * SAFETY);
}

/** The text, shortened with an ellipsis where needed so that it fits in maxWidth. */
export function fitText(
  text: string,
  maxWidth: number,
  fontSize: number,
  weight: FontWeight = "normal",
): string {
  if (textWidth(text, fontSize, weight) <= maxWidth) return text;
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  // Binary search for the longest prefix that fits with the ellipsis.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (textWidth(`${chars.slice(0, mid).join("")}…`, fontSize, weight) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return low === 0 ? "…" : `${chars.slice(0, low).join("").trimEnd()}…`;
}

/** Line breaks and tabs in names would break a one-line label; they become spaces. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\t\v\f\u2028\u2029]+/g, " ").trim();
}
