/**
 * Unknown fields, which kubernetes-models' validators let through (the Kubernetes OpenAPI schema
 * does not forbid them, while `kubectl apply --validate=strict` does). The fields each kind allows
 * are read from the package's own type declarations, so they follow the pinned API version.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const packageRoot = dirname(require.resolve("kubernetes-models/package.json"));
const apimachineryRoot = dirname(require.resolve("@kubernetes-models/apimachinery/package.json"));

/** A field's type: a scalar, a map with any keys, or an interface in a declaration file. */
type FieldType = { kind: "scalar" } | { kind: "map" } | { kind: "object"; file: string; name: string };
interface Shape {
  fields: Map<string, FieldType>;
}

const shapes = new Map<string, Shape>();

function declarationFile(from: string, specifier: string): string {
  if (specifier.startsWith("@kubernetes-models/apimachinery/")) {
    return join(apimachineryRoot, `${specifier.slice("@kubernetes-models/apimachinery/".length)}.d.ts`);
  }
  return join(dirname(from), `${specifier}.d.ts`);
}

function shapeOf(file: string, exported: string): Shape {
  const key = `${file}#${exported}`;
  const known = shapes.get(key);
  if (known) return known;
  const text = readFileSync(file, "utf8");
  // `export { IContainer as IIoK8sApiCoreV1Container }`: the alias names the interface.
  const alias = new RegExp(`(\\w+) as ${exported}\\b`).exec(text)?.[1] ?? exported;
  const imports = new Map<string, string>();
  for (const [, name, specifier] of text.matchAll(/import \{ (\w+) \} from "([^"]+)";/g)) {
    imports.set(name!, declarationFile(file, specifier!));
  }
  const start = text.indexOf(`export interface ${alias} `);
  if (start < 0) throw new Error(`no interface ${alias} in ${file}`);
  const body = text.slice(text.indexOf("{", start) + 1, text.indexOf("\n}", start));
  const shape: Shape = { fields: new Map() };
  shapes.set(key, shape);
  for (const [, field, type] of body.matchAll(/^ {4}"([^"]+)"\??: (.+)$/gm)) {
    const inner = type!.replace(/;$/, "").replace(/^Array<(.+)>$/, "$1");
    if (inner.startsWith("{")) shape.fields.set(field!, { kind: "map" });
    else if (imports.has(inner) && /^IIoK8s/.test(inner))
      shape.fields.set(field!, { kind: "object", file: imports.get(inner)!, name: inner });
    else shape.fields.set(field!, { kind: "scalar" });
  }
  return shape;
}

function check(value: unknown, file: string, name: string, path: string, errors: string[]): void {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) check(item, file, name, `${path}[${index}]`, errors);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  let shape: Shape;
  try {
    shape = shapeOf(file, name);
  } catch {
    // Not an interface (IntOrString, Quantity, Time): a scalar by another name.
    return;
  }
  for (const [field, item] of Object.entries(value)) {
    const type = shape.fields.get(field);
    if (!type) errors.push(`${path}.${field} is not a field of ${name.replace(/^IIoK8s/, "")}`);
    else if (type.kind === "object") check(item, type.file, type.name, `${path}.${field}`, errors);
  }
}

const kindFiles: Record<string, string> = {
  "apps/v1": "apps/v1",
  "autoscaling/v2": "autoscaling/v2",
  "batch/v1": "batch/v1",
  "networking.k8s.io/v1": "networking.k8s.io/v1",
  "policy/v1": "policy/v1",
  v1: "v1",
};

/** Fields of a Kubernetes object that its kind does not have, by path. */
export function unknownFields(object: { apiVersion: string; kind: string }): string[] {
  const folder = kindFiles[object.apiVersion];
  if (!folder) return [`no declarations for ${object.apiVersion}`];
  const errors: string[] = [];
  check(object, join(packageRoot, folder, `${object.kind}.d.ts`), `I${object.kind}`, object.kind, errors);
  return errors;
}
