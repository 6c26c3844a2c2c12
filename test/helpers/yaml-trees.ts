/** The yaml package's tree of a document, as comparable text: kinds, values and ranges of every node. */
import { isMap, isPair, isScalar, isSeq } from "yaml";

export function treeOf(node: unknown): unknown {
  if (isMap(node))
    return {
      map: node.items.map((p) => (isPair(p) ? [treeOf(p.key), treeOf(p.value)] : "?")),
      flow: Boolean(node.flow),
      range: node.range?.slice(0, 2),
    };
  if (isSeq(node))
    return { seq: node.items.map(treeOf), flow: Boolean(node.flow), range: node.range?.slice(0, 2) };
  if (isScalar(node))
    return {
      value: typeof node.value === "number" && Number.isNaN(node.value) ? "NaN" : node.value,
      type: node.type,
      range: node.range?.slice(0, 2),
    };
  return String(node);
}
