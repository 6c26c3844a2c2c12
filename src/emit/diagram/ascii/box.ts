/**
 * Nested boxes drawn with box-drawing characters. Every line of a rendered box has the same display
 * width, no line is wider than the limit, and children are laid out in rows that wrap.
 */
import { append, maximum } from "../../../collections.js";
import { displayWidth, padEnd } from "./width.js";
import { wrap } from "./wrap.js";

export interface AsciiBox {
  /** Shown in the top border when it fits, else as the first lines inside. */
  title?: string;
  /** Text before the children. */
  lines: string[];
  children: AsciiBox[];
  /** Text after the children. */
  footer: string[];
  /** Narrower limit for this box, so small boxes wrap their text instead of growing wide. */
  maxWidth?: number;
}

/**
 * The narrowest box we draw: borders, padding and two columns of text (one wide character).
 * Each level of nesting takes 4 columns, so a box of depth d fits any limit of at least 4·d + MIN_WIDTH.
 */
export const MIN_WIDTH = 6;
const GAP = 2;

function wrapAll(lines: readonly string[], width: number): string[] {
  return lines.flatMap((line) => wrap(line, width));
}

/** Greedy rows of rendered children, each row no wider than `width`. */
function rows(children: string[][], width: number): string[][][] {
  const result: string[][][] = [];
  let row: string[][] = [];
  let used = 0;
  for (const child of children) {
    const childWidth = displayWidth(child[0] ?? "");
    const needed = row.length === 0 ? childWidth : used + GAP + childWidth;
    if (row.length > 0 && needed > width) {
      result.push(row);
      row = [];
      used = 0;
    }
    used = row.length === 0 ? childWidth : used + GAP + childWidth;
    row.push(child);
  }
  if (row.length > 0) result.push(row);
  return result;
}

function joinRow(row: string[][]): string[] {
  const height = maximum(row.map((child) => child.length));
  const lines: string[] = [];
  for (let i = 0; i < height; i++) {
    lines.push(
      row.map((child) => child[i] ?? " ".repeat(displayWidth(child[0] ?? ""))).join(" ".repeat(GAP)),
    );
  }
  return lines;
}

/** Renders a box within `maxWidth` columns (at least MIN_WIDTH). */
export function renderBox(box: AsciiBox, maxWidth: number): string[] {
  const limit = Math.max(MIN_WIDTH, Math.min(maxWidth, box.maxWidth ?? maxWidth));
  const inner = limit - 4;
  const title = box.title?.trim() ?? "";
  const titleFits = title !== "" && displayWidth(title) <= inner - 2;
  const text = wrapAll([...(title && !titleFits ? [title] : []), ...box.lines], inner);
  const footer = wrapAll(box.footer, inner);
  const rendered = box.children.map((child) => renderBox(child, inner));
  const laidOut = rows(rendered, inner).map(joinRow);
  const content: string[] = [...text];
  for (const row of laidOut) {
    if (content.length > 0) content.push("");
    append(content, row);
  }
  if (footer.length > 0) {
    if (laidOut.length > 0) content.push("");
    append(content, footer);
  }
  const width = maximum(content.map(displayWidth), Math.max(titleFits ? displayWidth(title) + 2 : 0, 1));
  const top = titleFits
    ? `┌─ ${title} ${"─".repeat(width + 2 - 3 - displayWidth(title))}┐`
    : `┌${"─".repeat(width + 2)}┐`;
  return [top, ...content.map((line) => `│ ${padEnd(line, width)} │`), `└${"─".repeat(width + 2)}┘`];
}
