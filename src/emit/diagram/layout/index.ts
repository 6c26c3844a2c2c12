/** Lays out one environment with ELK's layered algorithm and returns absolute boxes, lines and edges. */
import { createRequire } from "node:module";
import type ElkModule from "elkjs/lib/elk.bundled.js";
import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api.js";
import { append } from "../../../collections.js";
import type { Model, ServiceKind } from "../../../model/types.js";
import { EDGE_LABEL, nodeBox } from "./boxes.js";
import { elkGraph, type GraphIndex, offsetRect } from "./elk-graph.js";
import { gridLayout } from "./grid.js";
import { legendLayout } from "./legend.js";
import type {
  EdgeKind,
  LaidEdge,
  LaidExternal,
  LaidInstance,
  LaidNode,
  Layout,
  Point,
  Rect,
  TextLine,
} from "./types.js";

export type * from "./types.js";

type Elk = InstanceType<typeof ElkModule.default>;
let elk: Elk | undefined;

/**
 * ELK is large; it is loaded the first time a layout is needed, so commands that draw nothing never
 * pay for it. It is CommonJS, and required rather than imported: the CLI runs from V8's code cache,
 * and Node 20 gives a script compiled from the cache no way to import a module dynamically.
 */
async function layoutEngine(): Promise<Elk> {
  if (!elk) {
    // Its export also carries itself as `default`, which is what the type declarations describe.
    const ELK = (createRequire(import.meta.url)("elkjs/lib/elk.bundled.js") as typeof ElkModule).default;
    elk = new ELK();
  }
  return elk;
}

function moveLines(lines: TextLine[], dx: number, dy: number): TextLine[] {
  return lines.map((line) => ({ ...line, x: line.x + dx, y: line.y + dy }));
}

/** Past this many instances, rows instead of layers (see grid.ts). */
export const GRID_ENVIRONMENT = 600;

/**
 * Layouts of recent graphs, by the graph's own text: the same graph always lays out the same, and
 * an edit that leaves an environment's drawing unchanged (a description, a variable, another
 * environment) then costs no layout, which keeps the viewer's reload fast.
 */
const cache = new Map<string, ElkNode>();
const CACHE_SIZE = 64;

async function layoutCached(graph: ElkNode): Promise<ElkNode> {
  const key = JSON.stringify(graph);
  const known = cache.get(key);
  if (known) return known;
  const result = await (await layoutEngine()).layout(graph);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, result);
  return result;
}

/** An edge ELK left unrouted (it crosses nodes in a large layout): from one box's side to the other's. */
function straight(from: Rect | undefined, to: Rect | undefined): Point[] {
  if (!from || !to) return [];
  const below = to.y >= from.y + from.height;
  const above = to.y + to.height <= from.y;
  const start = {
    x: from.x + from.width / 2,
    y: below ? from.y + from.height : above ? from.y : from.y + from.height / 2,
  };
  const end = { x: to.x + to.width / 2, y: below ? to.y : above ? to.y + to.height : to.y + to.height / 2 };
  return [start, end];
}

function midpoint(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

/** Every ELK node, depth first, in the order they were given. */
function walk(node: ElkNode, visit: (n: ElkNode) => void): void {
  for (const child of node.children ?? []) {
    visit(child);
    walk(child, visit);
  }
}

function collectEdges(node: ElkNode, into: ElkExtendedEdge[]): ElkExtendedEdge[] {
  append(into, node.edges ?? []);
  for (const child of node.children ?? []) collectEdges(child, into);
  return into;
}

const KIND_ORDER: readonly ServiceKind[] = [
  "web",
  "api",
  "worker",
  "scheduler",
  "job",
  "database",
  "cache",
  "queue",
  "broker",
  "storage",
  "search",
  "proxy",
  "gateway",
  "auth",
  "ai",
  "observability",
  "tool",
  "other",
];
const EDGE_ORDER: readonly EdgeKind[] = [
  "uses",
  "route",
  "replication",
  "sync",
  "backup",
  "traffic",
  "other",
];

/** The boxes ELK placed, each where it was laid: deployment nodes, instances and elements of other environments. */
function laidBoxes(
  result: ElkNode,
  index: GraphIndex,
): { nodes: LaidNode[]; instances: LaidInstance[]; externals: LaidExternal[] } {
  const nodes: LaidNode[] = [];
  const instances: LaidInstance[] = [];
  const externals: LaidExternal[] = [];
  walk(result, (n) => {
    const x = n.x ?? 0;
    const y = n.y ?? 0;
    const width = n.width ?? 0;
    const height = n.height ?? 0;
    const node = index.nodes.get(n.id);
    if (node) {
      nodes.push({
        id: node.node.id,
        name: node.node.name,
        kind: node.node.kind,
        infrastructure: node.node.infrastructure,
        container: node.container,
        depth: node.node.depth,
        ...(node.node.parent ? { parent: node.node.parent } : {}),
        x,
        y,
        width,
        height,
        // A node narrower than its header asked for gets its header fitted to the width it has.
        lines: moveLines(width < node.box.width ? nodeBox(node.node, width).lines : node.box.lines, x, y),
      });
      return;
    }
    const instance = index.instances.get(n.id);
    if (instance) {
      instances.push({
        id: instance.instance.id,
        name: instance.instance.name,
        service: instance.instance.service.id,
        kind: instance.instance.service.kind,
        parent: instance.instance.node,
        stack: Math.round((instance.box.width - instance.box.face.width) / 5),
        x,
        y,
        width,
        height,
        face: offsetRect(instance.box.face, x, y),
        lines: moveLines(instance.box.lines, x, y),
      });
      return;
    }
    const external = index.externals.get(n.id);
    if (external) {
      externals.push({
        id: external.external.id,
        environment: external.external.environment,
        element: external.external.element,
        x,
        y,
        width,
        height,
        lines: moveLines(external.box.lines, x, y),
      });
    }
  });
  return { nodes, instances, externals };
}

/** The edges, in the order of the relations they draw: routed by ELK, else straight from box to box. */
function laidEdges(
  result: ElkNode,
  index: GraphIndex,
  boxes: ReadonlyMap<string, Rect>,
  packed: boolean,
): LaidEdge[] {
  const edges: LaidEdge[] = [];
  for (const edge of collectEdges(result, []).sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)))) {
    const entry = index.relations.get(edge.id);
    if (!entry) continue;
    const routed = (edge.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
    const points =
      routed.length >= 2 ? routed : straight(boxes.get(entry.relation.from), boxes.get(entry.relation.to));
    const laid: LaidEdge = {
      id: edge.id,
      kind: entry.relation.kind,
      optional: entry.relation.optional,
      from: entry.relation.from,
      to: entry.relation.to,
      points: points.map((p) => ({ x: p.x, y: p.y })),
    };
    // Packed rows leave no room between boxes for labels; the edges' labels would cover names.
    const elkLabel = packed ? undefined : edge.labels?.[0];
    if (entry.label && elkLabel) {
      // An unrouted edge's label sits at the middle of its straight line.
      const middle = routed.length < 2 && points.length === 2 ? midpoint(points[0]!, points[1]!) : undefined;
      const box = {
        x: middle ? middle.x - entry.label.width / 2 : (elkLabel.x ?? 0),
        y: middle ? middle.y - entry.label.height / 2 : (elkLabel.y ?? 0),
        width: elkLabel.width ?? entry.label.width,
        height: elkLabel.height ?? entry.label.height,
      };
      laid.label = {
        text: entry.label.text,
        ...(entry.label.full ? { full: entry.label.full } : {}),
        x: box.x + EDGE_LABEL.padding,
        y: box.y + EDGE_LABEL.padding + Math.round(EDGE_LABEL.size * 0.8),
        size: EDGE_LABEL.size,
        weight: "normal",
        width: entry.label.width - 2 * EDGE_LABEL.padding,
        role: "route",
        box,
      };
    }
    edges.push(laid);
  }
  return edges;
}

/** Lays out the environment `environmentId` of the model; throws if the model has no such environment. */
export async function layoutEnvironment(model: Model, environmentId: string): Promise<Layout> {
  const environment = model.environments.find((e) => e.id === environmentId);
  if (!environment) throw new Error(`no environment '${environmentId}'`);
  const { graph, index } = elkGraph(environment);
  const packed = environment.instances.length > GRID_ENVIRONMENT;
  const result = packed ? gridLayout(graph, index) : await layoutCached(graph);

  const { nodes, instances, externals } = laidBoxes(result, index);
  const boxes = new Map<string, Rect>([
    ...nodes.map((n) => [`node:${n.id}`, n] as const),
    ...instances.map((i) => [`instance:${i.id}`, i] as const),
    ...externals.map((e) => [`external:${e.id}`, e] as const),
  ]);
  const edges = laidEdges(result, index, boxes, packed);

  const kinds = KIND_ORDER.filter((k) => instances.some((i) => i.kind === k));
  const edgeKinds = EDGE_ORDER.filter((k) => edges.some((e) => e.kind === k));
  const hasInfrastructure = nodes.some((n) => n.infrastructure);
  const diagramWidth = Math.ceil(result.width ?? 0);
  const diagramHeight = Math.ceil(result.height ?? 0);
  const legend = legendLayout(
    kinds,
    edgeKinds,
    {
      infrastructure: hasInfrastructure,
      replicas: instances.some((i) => i.stack > 0),
      optional: edges.some((e) => e.optional),
    },
    16,
    diagramHeight,
    Math.max(diagramWidth - 32, 480),
  );
  return {
    environment: { id: environment.id, name: environment.name },
    width: Math.max(diagramWidth, legend.width + 32),
    height: diagramHeight + legend.height + 16,
    nodes,
    instances,
    externals,
    edges,
    kinds,
    edgeKinds,
    hasInfrastructure,
    legend,
  };
}
