/** Checks shared by the SVG tests: boxes that must not overlap, labels that must stay inside. */
import type { Layout, Rect, TextLine } from "../../src/emit/diagram/layout/index.js";

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/** The rectangle a line of text takes: from its ascent above the baseline to its descent below. */
export function lineRect(line: TextLine): Rect {
  return { x: line.x, y: line.y - line.size * 0.8, width: line.width, height: line.size };
}

/** Every problem found, as readable strings, so a failure says what is wrong where. */
export function layoutProblems(layout: Layout): string[] {
  const problems: string[] = [];
  const boxes = [
    ...layout.nodes.map((n) => ({ name: `node ${n.id}`, parent: n.parent ?? "", rect: n as Rect })),
    ...layout.instances.map((i) => ({ name: `instance ${i.id}`, parent: i.parent, rect: i as Rect })),
    ...layout.externals.map((e) => ({ name: `external ${e.id}`, parent: "", rect: e as Rect })),
  ];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      if (a.parent === b.parent && overlaps(a.rect, b.rect)) problems.push(`${a.name} overlaps ${b.name}`);
    }
  }
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  for (const box of boxes) {
    const parent = byId.get(box.parent);
    if (parent && !contains(parent, box.rect)) problems.push(`${box.name} leaves its node ${box.parent}`);
  }
  for (const node of layout.nodes)
    for (const line of node.lines)
      if (!contains(node, lineRect(line))) problems.push(`label '${line.text}' leaves node ${node.id}`);
  for (const instance of layout.instances)
    for (const line of instance.lines)
      if (!contains(instance.face, lineRect(line)))
        problems.push(`label '${line.text}' leaves instance ${instance.id}`);
  for (const external of layout.externals)
    for (const line of external.lines)
      if (!contains(external, lineRect(line))) problems.push(`label '${line.text}' leaves ${external.id}`);
  for (const edge of layout.edges)
    if (edge.label && !contains(edge.label.box, lineRect(edge.label)))
      problems.push(`label '${edge.label.text}' leaves its edge label box`);
  // Node headers must not be covered by the boxes inside them.
  for (const node of layout.nodes) {
    const header = node.lines.map(lineRect);
    for (const box of boxes)
      if (box.parent === node.id && header.some((h) => overlaps(h, box.rect)))
        problems.push(`${box.name} covers the header of node ${node.id}`);
  }
  return problems;
}
