/**
 * SVG as a small element tree. The renderer builds the tree; a file is its serialization (every
 * text and attribute escaped here, in one place), and the viewer builds DOM nodes from the same tree
 * with createElementNS and textContent, so model text is never parsed as markup anywhere.
 */

export interface SvgElement {
  tag: string;
  attrs: Record<string, string | number>;
  children: SvgChild[];
}

export type SvgChild = SvgElement | string;

export function el(
  tag: string,
  attrs: Record<string, string | number | undefined> = {},
  children: SvgChild[] = [],
): SvgElement {
  const clean: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(attrs)) if (value !== undefined) clean[key] = value;
  return { tag, attrs: clean, children };
}

/** Coordinates to one decimal, so output is short and identical on every run. */
export function num(value: number): number {
  return Math.round(value * 10) / 10;
}

export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;").replace(/'/g, "&#39;").replace(/\n/g, "&#10;");
}

/** Characters XML 1.0 forbids even when escaped; model text is cleaned of them. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters removed
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN, "");
}

export function serialize(node: SvgChild, indent = ""): string {
  if (typeof node === "string") return escapeText(xmlSafe(node));
  const attrs = Object.entries(node.attrs)
    .map(([key, value]) => ` ${key}="${escapeAttribute(xmlSafe(String(value)))}"`)
    .join("");
  if (node.children.length === 0) return `${indent}<${node.tag}${attrs}/>`;
  // Elements that hold text stay on one line, so no whitespace is added to what is shown.
  if (node.children.some((c) => typeof c === "string")) {
    return `${indent}<${node.tag}${attrs}>${node.children.map((c) => serialize(c)).join("")}</${node.tag}>`;
  }
  const inner = node.children.map((c) => serialize(c, `${indent}  `)).join("\n");
  return `${indent}<${node.tag}${attrs}>\n${inner}\n${indent}</${node.tag}>`;
}
