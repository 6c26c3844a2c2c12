/**
 * The keys a mapping may have at a place in the model, read from the published JSON Schema by
 * walking it along the data path. Used only for "did you mean …?" hints, so the precompiled
 * validator can stay lean (no verbose error objects).
 */
import schema from "../../schema/deployview.schema.json" with { type: "json" };
import { append } from "../collections.js";
import type { KeyPath } from "./yaml-file.js";

interface SchemaNode {
  $id?: string;
  $defs?: Record<string, SchemaNode>;
  $ref?: string;
  anyOf?: SchemaNode[];
  properties?: Record<string, SchemaNode>;
  patternProperties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

const root = schema as SchemaNode;

function findById(node: unknown, id: string): SchemaNode | undefined {
  const stack = [node];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current && typeof current === "object") {
      if ((current as SchemaNode).$id === id) return current as SchemaNode;
      append(stack, Object.values(current));
    }
  }
  return undefined;
}

function deref(node: SchemaNode): SchemaNode {
  if (!node.$ref) return node;
  if (node.$ref.startsWith("#/$defs/")) return deref(root.$defs?.[node.$ref.slice(8)] ?? {});
  return findById(root, node.$ref) ?? node;
}

function step(node: SchemaNode, key: string | number): SchemaNode | undefined {
  const current = deref(node);
  if (current.anyOf) {
    for (const branch of current.anyOf) {
      const next = step(branch, key);
      if (next) return next;
    }
    return undefined;
  }
  if (typeof key === "number") return current.items;
  return current.properties?.[key] ?? Object.values(current.patternProperties ?? {})[0];
}

/** Known keys of the mapping at `path`; `branch` picks the union member the error came from. */
export function knownKeys(path: KeyPath, branch?: number): string[] {
  let node: SchemaNode | undefined = root;
  for (const key of path) {
    node = node ? step(node, key) : undefined;
    if (!node) return [];
  }
  if (!node) return [];
  const target = deref(node);
  const objects = (target.anyOf ?? [target]).map(deref).filter((n) => n.properties);
  const chosen = branch !== undefined && target.anyOf ? [deref(target.anyOf[branch] ?? {})] : objects;
  return [...new Set(chosen.flatMap((n) => Object.keys(n.properties ?? {})))];
}
