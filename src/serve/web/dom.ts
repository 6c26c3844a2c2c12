/**
 * Building DOM without markup: every text goes through textContent and every attribute through
 * setAttribute, so nothing that came from a model is ever parsed as HTML.
 */
import type { SvgChild } from "../../emit/diagram/svg/tree.js";

const SVG_NS = "http://www.w3.org/2000/svg";

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value);
  for (const child of children)
    element.append(typeof child === "string" ? document.createTextNode(child) : child);
  return element;
}

/** An SVG element tree from the renderer, as live DOM. */
export function svgDom(node: SvgChild): Node {
  if (typeof node === "string") return document.createTextNode(node);
  const element = document.createElementNS(SVG_NS, node.tag);
  for (const [key, value] of Object.entries(node.attrs)) {
    if (key === "xmlns") continue;
    element.setAttribute(key, String(value));
  }
  for (const child of node.children) element.append(svgDom(child));
  return element;
}

export function clear(element: Element): void {
  while (element.firstChild) element.firstChild.remove();
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no #${id}`);
  return element as T;
}
