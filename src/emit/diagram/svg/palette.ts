/** Colours and strokes per kind, shared by the diagram and its legend. */
import type { ServiceKind } from "../../../model/types.js";
import type { EdgeKind } from "../layout/types.js";

export interface Paint {
  fill: string;
  stroke: string;
}

const compute: Paint = { fill: "#e0ecff", stroke: "#2f5fb3" };
const data: Paint = { fill: "#def5e5", stroke: "#237a3b" };
const messaging: Paint = { fill: "#fdf0d2", stroke: "#a86207" };
const edge: Paint = { fill: "#ece6fd", stroke: "#6542c1" };
const watch: Paint = { fill: "#dff3f1", stroke: "#17716a" };

export function servicePaint(kind: ServiceKind): Paint {
  switch (kind) {
    case "web":
    case "api":
    case "worker":
    case "scheduler":
    case "job":
    case "ai":
    case "tool":
    case "other":
      return compute;
    case "auth":
    case "proxy":
    case "gateway":
      return edge;
    case "database":
    case "cache":
    case "storage":
    case "search":
      return data;
    case "queue":
    case "broker":
      return messaging;
    case "observability":
      return watch;
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown service kind ${String(unreachable)}`);
    }
  }
}

export const NODE_PAINT: Paint = { fill: "#f7f8fa", stroke: "#6b7280" };
export const NESTED_NODE_PAINT: Paint = { fill: "#ffffff", stroke: "#8b95a3" };
export const INFRASTRUCTURE_PAINT: Paint = { fill: "#fde8f1", stroke: "#b02a63" };
export const EXTERNAL_PAINT: Paint = { fill: "#ffffff", stroke: "#9ca3af" };
export const TEXT = "#1f2933";
export const MUTED_TEXT = "#4b5563";

export function edgeStroke(
  kind: EdgeKind,
  optional: boolean,
): { stroke: string; dash?: string; width: number } {
  switch (kind) {
    case "uses":
      return { stroke: "#4b5563", width: 1.3, ...(optional ? { dash: "2 3" } : {}) };
    case "route":
      return { stroke: "#b02a63", width: 1.6 };
    case "replication":
    case "sync":
    case "backup":
      return { stroke: "#17716a", width: 1.5, dash: "6 4" };
    case "traffic":
    case "other":
      return { stroke: "#6b7280", width: 1.3, dash: "6 4" };
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown edge kind ${String(unreachable)}`);
    }
  }
}
