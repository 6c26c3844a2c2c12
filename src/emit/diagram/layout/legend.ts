/** The legend's entries, flowed into rows under the diagram: one per kind actually drawn. */
import type { ServiceKind } from "../../../model/types.js";
import { textWidth } from "./text-width.js";
import type { EdgeKind, LegendEntry, Rect } from "./types.js";

const SAMPLE = 26;
const GAP = 6;
const SPACING = 18;
const ROW = 22;
const SIZE = 11;
const TITLE = 12;

const EDGE_TEXT: Record<EdgeKind, string> = {
  uses: "uses (protocol)",
  route: "routes (path)",
  replication: "replication",
  sync: "sync",
  backup: "backup",
  traffic: "traffic",
  other: "link",
};

export function legendLayout(
  kinds: readonly ServiceKind[],
  edgeKinds: readonly EdgeKind[],
  options: { infrastructure: boolean; replicas: boolean; optional: boolean },
  left: number,
  top: number,
  maxWidth: number,
): Rect & { entries: LegendEntry[] } {
  const wanted: { sample: LegendEntry["sample"]; text: string }[] = [
    ...kinds.map((kind) => ({ sample: { type: "service" as const, kind }, text: kind })),
    { sample: { type: "node", infrastructure: false }, text: "deployment node" },
    ...(options.infrastructure
      ? [{ sample: { type: "node" as const, infrastructure: true }, text: "infrastructure node" }]
      : []),
    ...(options.replicas ? [{ sample: { type: "stack" as const }, text: "replicas" }] : []),
    ...edgeKinds.map((kind) => ({
      sample: { type: "edge" as const, kind, optional: false },
      text: EDGE_TEXT[kind],
    })),
    ...(options.optional
      ? [{ sample: { type: "edge" as const, kind: "uses" as const, optional: true }, text: "optional use" }]
      : []),
  ];
  const entries: LegendEntry[] = [];
  const inner = Math.max(200, maxWidth - 16);
  let x = 8;
  let y = TITLE + 14;
  let widest = textWidth("Legend", TITLE, "bold") + 16;
  for (const entry of wanted) {
    const width = SAMPLE + GAP + textWidth(entry.text, SIZE);
    if (x > 8 && x + width > inner) {
      x = 8;
      y += ROW;
    }
    entries.push({
      sample: entry.sample,
      x: left + x,
      y: top + y,
      label: {
        text: entry.text,
        x: left + x + SAMPLE + GAP,
        y: top + y + Math.round(SIZE * 0.8) + 2,
        size: SIZE,
        weight: "normal",
        width: width - SAMPLE - GAP,
        role: "kind",
      },
    });
    x += width + SPACING;
    widest = Math.max(widest, x - SPACING + 8);
  }
  return { x: left, y: top, width: widest, height: y + ROW, entries };
}
