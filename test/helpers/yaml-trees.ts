/** The yaml package's tree of a document, as comparable text: kinds, values, anchors, tags and ranges of every node. */
import { isAlias, isMap, isPair, isScalar, isSeq } from "yaml";

export function treeOf(node: unknown): unknown {
  if (isAlias(node)) return { alias: node.source, range: node.range?.slice(0, 2) };
  const { anchor, tag } = (node ?? {}) as { anchor?: string; tag?: string };
  const named = { ...(anchor ? { anchor } : {}), ...(tag ? { tag } : {}) };
  if (isMap(node))
    return {
      map: node.items.map((p) => (isPair(p) ? [treeOf(p.key), treeOf(p.value)] : "?")),
      flow: Boolean(node.flow),
      range: node.range?.slice(0, 2),
      ...named,
    };
  if (isSeq(node))
    return {
      seq: node.items.map(treeOf),
      flow: Boolean(node.flow),
      range: node.range?.slice(0, 2),
      ...named,
    };
  if (isScalar(node))
    return {
      value: typeof node.value === "number" && Number.isNaN(node.value) ? "NaN" : node.value,
      type: node.type,
      range: node.range?.slice(0, 2),
      ...named,
    };
  return String(node);
}
