/**
 * Display width of text in a monospace terminal or code block: wide East Asian characters and emoji
 * take two columns, combining marks none, everything else (box drawing, dashes, subscripts) one.
 */

const wideRanges: [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

function isWide(codePoint: number): boolean {
  return wideRanges.some(([low, high]) => codePoint >= low && codePoint <= high);
}

function isZeroWidth(codePoint: number): boolean {
  return (
    (codePoint >= 0x0300 && codePoint <= 0x036f) ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    codePoint === 0xfe0f ||
    codePoint < 0x20
  );
}

export function charWidth(char: string): number {
  const codePoint = char.codePointAt(0) ?? 0;
  if (isZeroWidth(codePoint)) return 0;
  return isWide(codePoint) ? 2 : 1;
}

/** Printable ASCII only: one column a character, the common case, answered without decoding. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function displayWidth(value: string): number {
  if (PRINTABLE_ASCII.test(value)) return value.length;
  let width = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    // The ranges below the first wide block (box drawing and dashes among them) need no table.
    if (code < 0x2e80 && !(code >= 0xd800 && code <= 0xdfff)) {
      width +=
        code < 0x20 || (code >= 0x300 && code <= 0x36f) || (code >= 0x200b && code <= 0x200f)
          ? 0
          : code >= 0x1100 && code <= 0x115f
            ? 2
            : 1;
      continue;
    }
    const codePoint = value.codePointAt(i)!;
    if (codePoint > 0xffff) i++;
    width += charWidth(String.fromCodePoint(codePoint));
  }
  return width;
}

/** Pads on the right to a display width. */
export function padEnd(value: string, width: number): string {
  return value + " ".repeat(Math.max(0, width - displayWidth(value)));
}

/** Control characters and tabs would break alignment; they become spaces. */
export function clean(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return value.replace(/[\u0000-\u001f\u007f]/g, " ");
}
