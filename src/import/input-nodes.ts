/**
 * The nodes of an environment in model input (as importers write it, before resolution), each
 * with its key path: what `init` edits per instance and `drift` reads facts from.
 */
import type { KeyPath } from "../load/yaml-file.js";
import { isObject, type Json } from "./json.js";

export function inputNodes(environment: unknown, path: KeyPath = []): { node: Json; path: KeyPath }[] {
  const found: { node: Json; path: KeyPath }[] = [];
  const stack: { node: unknown; path: KeyPath }[] = [{ node: environment, path }];
  while (stack.length > 0) {
    const { node, path: at } = stack.pop()!;
    if (!isObject(node)) continue;
    found.push({ node, path: at });
    const children = Object.entries(isObject(node.nodes) ? node.nodes : {});
    // Reversed onto the stack, so nodes come out in file order.
    for (let i = children.length - 1; i >= 0; i--)
      stack.push({ node: children[i]![1], path: [...at, "nodes", children[i]![0]] });
  }
  return found;
}

/**
 * Where an instance's id stands in a key path into the model input (environments, its id, then a
 * node's nodes and id to any depth, then run and the instance's id), found by the place of each
 * segment, never by its text, as a node or an instance may be named run or nodes; -1 when the path
 * reaches no instance.
 */
export function instanceIdIndex(path: KeyPath): number {
  if (path[0] !== "environments") return -1;
  let at = 2;
  while (path[at] === "nodes" && at + 2 < path.length) at += 2;
  return at > 2 && path[at] === "run" && at + 1 < path.length ? at + 1 : -1;
}
