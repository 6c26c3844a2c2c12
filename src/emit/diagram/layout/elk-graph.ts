/**
 * The ELK graph of one environment. Deployment nodes that hold something are compound nodes
 * whose padding keeps room for their header; everything else is a fixed-size box. Coordinates come
 * back relative to the root (json.shapeCoords/edgeCoords ROOT), so drawing needs no offsets.
 */
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from "elkjs/lib/elk-api.js";
import type { DeploymentNode, Environment } from "../../../model/types.js";
import { EDGE_LABEL, edgeLabelBox, instanceBox, NODE, nodeBox, type SizedBox } from "./boxes.js";
import { type External, environmentRelations, instanceRef, nodeRef, type Relation } from "./relations.js";
import { fitText, textWidth } from "./text-width.js";
import type { Rect, TextLine } from "./types.js";

export const ROOT_OPTIONS: LayoutOptions = {
  "elk.algorithm": "layered",
  "elk.direction": "DOWN",
  "elk.hierarchyHandling": "INCLUDE_CHILDREN",
  "elk.edgeRouting": "ORTHOGONAL",
  "elk.json.shapeCoords": "ROOT",
  "elk.json.edgeCoords": "ROOT",
  "elk.padding": "[top=16,left=16,bottom=16,right=16]",
  "elk.spacing.nodeNode": "28",
  "elk.layered.spacing.nodeNodeBetweenLayers": "44",
  "elk.spacing.edgeNode": "16",
  "elk.spacing.edgeEdge": "10",
  "elk.spacing.edgeLabel": "4",
  "elk.spacing.labelNode": "6",
  "elk.layered.spacing.edgeNodeBetweenLayers": "16",
  // File order decides ties, so the picture follows the model and the output is stable.
  "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
  "elk.layered.crossingMinimization.forceNodeModelOrder": "false",
  "elk.randomSeed": "1",
};

/**
 * Past this many instances a diagram is a map to search rather than a picture to read, and ELK's
 * cross-hierarchy layout grows too slow (seconds); each node is then laid out on its own and edges
 * that cross nodes are drawn straight.
 */
export const LARGE_ENVIRONMENT = 300;

const LARGE_OPTIONS: LayoutOptions = {
  "elk.hierarchyHandling": "SEPARATE_CHILDREN",
  "elk.layered.thoroughness": "1",
  "elk.layered.considerModelOrder.strategy": "NONE",
  // Crossing minimisation is most of the time at this size and changes little on such a map.
  "elk.layered.crossingMinimization.strategy": "NONE",
};

/** What each ELK id stands for, to turn the result back into a drawing. */
export interface GraphIndex {
  nodes: Map<string, { node: DeploymentNode; box: ReturnType<typeof nodeBox>; container: boolean }>;
  instances: Map<string, { instance: Environment["instances"][number]; box: ReturnType<typeof instanceBox> }>;
  externals: Map<string, { external: External; box: SizedBox }>;
  relations: Map<string, { relation: Relation; label?: ReturnType<typeof edgeLabelBox> }>;
}

function externalBox(external: External): SizedBox {
  const padding = 8;
  const specs = [
    { text: external.element, size: 12, weight: "bold" as const },
    { text: `in ${external.environment}`, size: 11, weight: "normal" as const },
  ];
  const width = Math.min(
    200,
    Math.max(110, ...specs.map((s) => textWidth(s.text, s.size, s.weight) + 2 * padding)),
  );
  let y = padding;
  const lines: TextLine[] = specs.map((s) => {
    const text = fitText(s.text, width - 2 * padding, s.size, s.weight);
    const line: TextLine = {
      text,
      x: padding,
      y: y + Math.round(s.size * 0.8),
      size: s.size,
      weight: s.weight,
      width: textWidth(text, s.size, s.weight),
      role: s.weight === "bold" ? "name" : "kind",
    };
    if (text !== s.text) line.full = s.text;
    y += s.size + 4;
    return line;
  });
  return { width, height: y - 4 + padding, lines };
}

export function elkGraph(environment: Environment): { graph: ElkNode; index: GraphIndex } {
  const index: GraphIndex = {
    nodes: new Map(),
    instances: new Map(),
    externals: new Map(),
    relations: new Map(),
  };

  const toElk = (node: DeploymentNode): ElkNode => {
    const container = node.instances.length > 0 || node.nodes.length > 0;
    const box = nodeBox(node);
    const id = nodeRef(node.id);
    index.nodes.set(id, { node, box, container });
    if (!container) return { id, width: box.width, height: box.height };
    const children: ElkNode[] = [
      ...node.nodes.map(toElk),
      ...node.instances.map((instance) => {
        const instanceId = instanceRef(instance.id);
        const sized = instanceBox(instance);
        index.instances.set(instanceId, { instance, box: sized });
        return { id: instanceId, width: sized.width, height: sized.height };
      }),
    ];
    return {
      id,
      layoutOptions: {
        "elk.padding": `[top=${box.header + 8},left=${NODE.padding},bottom=${NODE.padding},right=${NODE.padding}]`,
        "elk.nodeSize.constraints": "[MINIMUM_SIZE]",
        // ELK 0.12 swaps a compound node's minimum width and height when a DOWN layout includes
        // children, so it is given transposed; the layout refits the header if that ever changes.
        "elk.nodeSize.minimum": `(${box.header + 20}, ${box.width})`,
      },
      children,
    };
  };

  const { relations, externals } = environmentRelations(environment);
  const children = environment.nodes.map(toElk);
  for (const external of externals) {
    const id = `external:${external.id}`;
    const box = externalBox(external);
    index.externals.set(id, { external, box });
    children.push({ id, width: box.width, height: box.height });
  }
  const edges: ElkExtendedEdge[] = relations.map((relation) => {
    const text = relation.labels.join(", ");
    const edge: ElkExtendedEdge = { id: relation.id, sources: [relation.from], targets: [relation.to] };
    if (text) {
      const label = edgeLabelBox(text);
      index.relations.set(relation.id, { relation, label });
      edge.labels = [
        { id: `${relation.id}-label`, text: label.text, width: label.width, height: label.height },
      ];
      edge.layoutOptions = { "elk.edgeLabels.placement": "CENTER" };
    } else {
      index.relations.set(relation.id, { relation });
    }
    return edge;
  });
  const large = environment.instances.length > LARGE_ENVIRONMENT;
  const layoutOptions = large ? { ...ROOT_OPTIONS, ...LARGE_OPTIONS } : ROOT_OPTIONS;
  return { graph: { id: "root", layoutOptions, children, edges }, index };
}

export function offsetRect(rect: Rect, dx: number, dy: number): Rect {
  return { x: rect.x + dx, y: rect.y + dy, width: rect.width, height: rect.height };
}

export { EDGE_LABEL };
