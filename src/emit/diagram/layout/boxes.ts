/**
 * Sizes of the boxes handed to the layout, and the text lines inside them, relative to each box's
 * top-left corner. Every line is measured and shortened to fit, so no label can leave its box.
 */
import type { DeploymentNode, Instance } from "../../../model/types.js";
import { fitText, oneLine, textWidth } from "./text-width.js";
import type { Rect, TextLine } from "./types.js";

export const INSTANCE = {
  minWidth: 150,
  maxWidth: 240,
  padding: 10,
  icon: 14,
  iconGap: 6,
  nameSize: 13,
  detailSize: 11,
  lineGap: 4,
  /** Offset of each shadow box of a replica stack. */
  stackStep: 5,
  maxStack: 2,
} as const;

export const NODE = {
  minWidth: 160,
  maxWidth: 420,
  padding: 12,
  nameSize: 13,
  detailSize: 11,
  lineGap: 4,
} as const;

export interface SizedBox {
  width: number;
  height: number;
  /** Lines relative to the box's top-left corner. */
  lines: TextLine[];
}

export function replicaText(instance: Instance): string | undefined {
  const { min, max, autoscale } = instance.replicas;
  if (max <= 1) return undefined;
  return autoscale && min !== max ? `×${min}–${max}` : `×${max}`;
}

function portsText(instance: Instance): string {
  const published = new Map(instance.publish.map((p) => [p.port.name, p]));
  return instance.service.ports
    .map((p) => {
      const host = published.get(p.name)?.host;
      if (published.has(p.name) && host === undefined) return `*→${p.port}`;
      return host !== undefined && host !== p.port ? `${host}→${p.port}` : `:${p.port}`;
    })
    .join(" ");
}

/** Lays out lines top to bottom from `top`, each fitted into `available` pixels from `left`. */
function stack(
  specs: { text: string; size: number; weight: "normal" | "bold"; role: TextLine["role"] }[],
  left: number,
  top: number,
  available: number,
  gap: number,
): { lines: TextLine[]; bottom: number } {
  const lines: TextLine[] = [];
  let y = top;
  for (const spec of specs) {
    const text = fitText(spec.text, available, spec.size, spec.weight);
    // The baseline sits about 80% down the line's height in this font family.
    const baseline = y + Math.round(spec.size * 0.8);
    const line: TextLine = {
      text,
      x: left,
      y: baseline,
      size: spec.size,
      weight: spec.weight,
      width: textWidth(text, spec.size, spec.weight),
      role: spec.role,
    };
    if (text !== spec.text) line.full = spec.text;
    lines.push(line);
    y += spec.size + gap;
  }
  return { lines, bottom: y - gap };
}

/**
 * Words flowed into at most `maxLines` lines of `width` pixels; what is left over ends the last
 * line (which `stack` then shortens with an ellipsis). A word too long for a line stays whole.
 */
export function wrapText(
  text: string,
  width: number,
  size: number,
  weight: "normal" | "bold",
  maxLines: number,
): string[] {
  if (textWidth(text, size, weight) <= width) return [text];
  const words = text.split(" ");
  const lines: string[] = [];
  let current = "";
  for (let i = 0; i < words.length; i++) {
    const candidate = current ? `${current} ${words[i]}` : words[i]!;
    if (current && textWidth(candidate, size, weight) > width) {
      lines.push(current);
      if (lines.length === maxLines - 1) {
        lines.push(words.slice(i).join(" "));
        return lines;
      }
      current = words[i]!;
    } else {
      current = candidate;
    }
  }
  lines.push(current);
  return lines;
}

export function stackDepth(instance: Instance): number {
  return Math.min(INSTANCE.maxStack, Math.max(0, instance.replicas.max - 1));
}

/** The instance's face (without its replica stack) and its lines. */
export function instanceBox(instance: Instance): SizedBox & { face: Rect } {
  const name = [oneLine(instance.name), replicaText(instance)].filter(Boolean).join(" ");
  const technology = oneLine(instance.service.technology ?? instance.service.kind);
  const ports = portsText(instance);
  const details = [
    { text: technology, size: INSTANCE.detailSize, weight: "normal" as const, role: "technology" as const },
    ...(ports
      ? [{ text: ports, size: INSTANCE.detailSize, weight: "normal" as const, role: "ports" as const }]
      : []),
  ];
  const textLeft = INSTANCE.padding + INSTANCE.icon + INSTANCE.iconGap;
  const widest = Math.max(
    textWidth(name, INSTANCE.nameSize, "bold"),
    ...details.map((s) => textWidth(s.text, s.size, s.weight)),
  );
  const faceWidth = Math.min(
    INSTANCE.maxWidth,
    Math.max(INSTANCE.minWidth, widest + textLeft + INSTANCE.padding),
  );
  // A long name takes a second line before it is shortened.
  const names = wrapText(name, faceWidth - textLeft - INSTANCE.padding, INSTANCE.nameSize, "bold", 2);
  const specs = [
    ...names.map((text) => ({
      text,
      size: INSTANCE.nameSize,
      weight: "bold" as const,
      role: "name" as const,
    })),
    ...details,
  ];
  const depth = stackDepth(instance) * INSTANCE.stackStep;
  const { lines, bottom } = stack(
    specs,
    textLeft,
    depth + INSTANCE.padding,
    faceWidth - textLeft - INSTANCE.padding,
    INSTANCE.lineGap,
  );
  const faceHeight = bottom - depth + INSTANCE.padding;
  return {
    width: faceWidth + depth,
    height: faceHeight + depth,
    face: { x: 0, y: depth, width: faceWidth, height: faceHeight },
    lines,
  };
}

function nodeDetail(node: DeploymentNode): string {
  const parts: string[] = [node.kind];
  if (node.technology) parts.push(oneLine(node.technology));
  if (node.count !== undefined) parts.push(`× ${node.count}`);
  return parts.join(" · ");
}

/**
 * A node's header (for a container) or whole content (for a box of its own). For a container the
 * size is a minimum: the layout grows it around its children.
 */
export function nodeBox(node: DeploymentNode, actualWidth?: number): SizedBox & { header: number } {
  const specs = [
    { text: oneLine(node.name), size: NODE.nameSize, weight: "bold" as const, role: "name" as const },
    { text: nodeDetail(node), size: NODE.detailSize, weight: "normal" as const, role: "kind" as const },
  ];
  const wanted = Math.max(...specs.map((s) => textWidth(s.text, s.size, s.weight))) + 2 * NODE.padding;
  const width = actualWidth ?? Math.min(NODE.maxWidth, Math.max(NODE.minWidth, wanted));
  const { lines, bottom } = stack(specs, NODE.padding, NODE.padding, width - 2 * NODE.padding, NODE.lineGap);
  const header = bottom + NODE.padding;
  return { width, height: header, header, lines };
}

export const EDGE_LABEL = { size: 10, maxWidth: 160, padding: 3 } as const;

export function edgeLabelBox(text: string): { text: string; full?: string; width: number; height: number } {
  const clean = oneLine(text);
  const fitted = fitText(clean, EDGE_LABEL.maxWidth, EDGE_LABEL.size);
  const result: { text: string; full?: string; width: number; height: number } = {
    text: fitted,
    width: textWidth(fitted, EDGE_LABEL.size) + 2 * EDGE_LABEL.padding,
    height: EDGE_LABEL.size + 2 * EDGE_LABEL.padding,
  };
  if (fitted !== clean) result.full = clean;
  return result;
}
