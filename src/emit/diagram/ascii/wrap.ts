import { charWidth, clean, displayWidth } from "./width.js";

/** Breaks one word that is wider than the line into pieces that fit. */
function breakWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const char of word) {
    if (displayWidth(current) + charWidth(char) > width && current) {
      pieces.push(current);
      current = "";
    }
    current += char;
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Wraps text into lines no wider than `width` columns (width ≥ 2), breaking long words. */
export function wrap(value: string, width: number): string[] {
  const words = clean(value).split(" ").filter(Boolean);
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    const pieces = displayWidth(word) > width ? breakWord(word, width) : [word];
    for (const piece of pieces) {
      const candidate = current ? `${current} ${piece}` : piece;
      if (displayWidth(candidate) <= width) current = candidate;
      else {
        lines.push(current);
        current = piece;
      }
    }
  }
  if (current || lines.length === 0) lines.push(current);
  return lines;
}
