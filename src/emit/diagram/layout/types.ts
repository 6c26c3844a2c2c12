/** A laid-out environment: absolute coordinates in pixels, ready to be drawn. */
import type { NodeKind, ServiceKind } from "../../../model/types.js";
import type { FontWeight } from "./text-width.js";

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One line of text, measured; x is its left edge and y its baseline. */
export interface TextLine {
  text: string;
  /** The full text when `text` had to be shortened. */
  full?: string;
  x: number;
  y: number;
  size: number;
  weight: FontWeight;
  width: number;
  role: "name" | "technology" | "ports" | "kind" | "route";
}

export interface LaidNode extends Rect {
  /** The deployment node's id in the model. */
  id: string;
  name: string;
  kind: NodeKind;
  infrastructure: boolean;
  /** Holds instances or other nodes (drawn as a container), or is drawn as a box of its own. */
  container: boolean;
  depth: number;
  /** Id of the enclosing node, if any. */
  parent?: string;
  lines: TextLine[];
}

export interface LaidInstance extends Rect {
  /** The instance's id in the environment. */
  id: string;
  name: string;
  service: string;
  kind: ServiceKind;
  /** Id of the node it runs on. */
  parent: string;
  /** How many shadow boxes are drawn behind it: replicas shown as a stack. */
  stack: number;
  /** The box's own rectangle, excluding the stack's offset. */
  face: Rect;
  lines: TextLine[];
}

/** Another environment a link points to, drawn as a small box at the edge. */
export interface LaidExternal extends Rect {
  id: string;
  environment: string;
  element: string;
  lines: TextLine[];
}

export type EdgeKind = "uses" | "route" | "replication" | "sync" | "backup" | "traffic" | "other";

export interface LaidEdge {
  id: string;
  kind: EdgeKind;
  optional: boolean;
  /** Element references: `instance:<id>`, `node:<id>` or `external:<id>`. */
  from: string;
  to: string;
  points: Point[];
  label?: TextLine & { box: Rect };
}

export interface Layout {
  environment: { id: string; name: string };
  width: number;
  height: number;
  nodes: LaidNode[];
  instances: LaidInstance[];
  externals: LaidExternal[];
  edges: LaidEdge[];
  /** Service kinds present, in a stable order, for the legend. */
  kinds: ServiceKind[];
  /** Edge kinds present, for the legend. */
  edgeKinds: EdgeKind[];
  hasInfrastructure: boolean;
  /** Below the diagram. */
  legend: Rect & { entries: LegendEntry[] };
}

export interface LegendEntry {
  sample:
    | { type: "service"; kind: ServiceKind }
    | { type: "node"; infrastructure: boolean }
    | { type: "stack" }
    | { type: "edge"; kind: EdgeKind; optional: boolean };
  /** Top-left of the sample, which is 26 by 16 pixels. */
  x: number;
  y: number;
  label: TextLine;
}
