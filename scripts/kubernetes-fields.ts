/**
 * The fields each Kubernetes kind deployview reads allows, at every depth, read from the type
 * declarations of the pinned kubernetes-models (so they follow its API version). Written to
 * src/import/kubernetes/fields.generated.json for the importer to report unknown fields, which
 * the OpenAPI schema lets through and `kubectl apply --validate=strict` refuses.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";

const require = createRequire(import.meta.url);
const packageRoot = dirname(require.resolve("kubernetes-models/package.json"));
const apimachineryRoot = dirname(require.resolve("@kubernetes-models/apimachinery/package.json"));

/** The kinds the importer reads, by apiVersion and kind. */
export const READ_KINDS = [
  "apps/v1 Deployment",
  "apps/v1 StatefulSet",
  "apps/v1 DaemonSet",
  "apps/v1 ReplicaSet",
  "v1 ReplicationController",
  "v1 Pod",
  "batch/v1 Job",
  "batch/v1 CronJob",
  "autoscaling/v2 HorizontalPodAutoscaler",
  "networking.k8s.io/v1 Ingress",
  "policy/v1 PodDisruptionBudget",
  "v1 ConfigMap",
  "v1 Secret",
  "v1 Service",
  "v1 PersistentVolumeClaim",
  "v1 Namespace",
] as const;

/**
 * A field's type: "s" text, "e:A|B" one of these texts, "n" a number, "b" true or false, "x"
 * anything (an int-or-string, a quantity), "{}" and a type for a mapping of keys of any name, or the
 * name of the shape of the object it holds; "[]" before any of these for a list of them.
 */
export type Field = string;

export interface KubernetesFields {
  kinds: Record<string, string>;
  shapes: Record<string, Record<string, Field>>;
}

type Declared = { list: boolean } & ({ scalar: string } | { map: string } | { file: string; name: string });

function declarationFile(from: string, specifier: string): string {
  if (specifier.startsWith("@kubernetes-models/apimachinery/"))
    return join(apimachineryRoot, `${specifier.slice("@kubernetes-models/apimachinery/".length)}.d.ts`);
  return join(dirname(from), `${specifier}.d.ts`);
}

/** The type of a scalar as the declarations write it: a union of strings lists what the field takes. */
function scalarType(type: string): string {
  if (type === "string") return "s";
  if (/^"[^"]*"(?: \| "[^"]*")+$/.test(type))
    return `e:${[...type.matchAll(/"([^"]*)"/g)].map((m) => m[1]).join("|")}`;
  // One string alone names the kind or its version, which the table is chosen by.
  if (/^"[^"]*"$/.test(type)) return "s";
  if (type === "number") return "n";
  if (type === "boolean") return "b";
  return "x";
}

/** The fields of the interface `exported` in a declaration file, or undefined if it is no interface. */
function interfaceFields(file: string, exported: string): Map<string, Declared> | undefined {
  const text = readFileSync(file, "utf8");
  // `export { IContainer as IIoK8sApiCoreV1Container }`: the alias names the interface.
  const alias = new RegExp(`(\\w+) as ${exported}\\b`).exec(text)?.[1] ?? exported;
  const start = text.indexOf(`export interface ${alias} `);
  if (start < 0) return undefined;
  const imports = new Map<string, string>();
  for (const [, name, specifier] of text.matchAll(/import \{ (\w+) \} from "([^"]+)";/g))
    imports.set(name!, declarationFile(file, specifier!));
  // A mapping's type spans lines: `{\n [key: string]: string;\n }`, read here as one.
  const body = text
    .slice(text.indexOf("{", start) + 1, text.indexOf("\n}", start))
    .replace(/\{\s*\n\s*\[key: string\]: ([^;]+);\s*\n\s*\}/g, "{ [key: string]: $1 }");
  const fields = new Map<string, Declared>();
  for (const [, field, type] of body.matchAll(/^ {4}"([^"]+)"\??: (.+)$/gm)) {
    const written = type!.replace(/;$/, "");
    const list = /^Array<(.+)>$/.exec(written);
    const inner = list ? list[1]! : written;
    const map = /^\{\s*\[key: string\]: (.+?);?\s*\}$/.exec(inner);
    if (map) fields.set(field!, { list: list !== null, map: scalarType(map[1]!) });
    else if (inner.startsWith("{")) fields.set(field!, { list: list !== null, map: "x" });
    else if (imports.has(inner) && /^IIoK8s/.test(inner))
      fields.set(field!, { list: list !== null, file: imports.get(inner)!, name: inner });
    else fields.set(field!, { list: list !== null, scalar: scalarType(inner) });
  }
  return fields;
}

export function kubernetesFields(): KubernetesFields {
  const shapes: Record<string, Record<string, Field>> = {};
  const kinds: Record<string, string> = {};
  // Shapes by the interface's own name where it is unique (IIoK8s…), else by the kind's file.
  const shapeName = (file: string, name: string) =>
    name.startsWith("IIoK8s")
      ? name.slice("IIoK8s".length)
      : relative(packageRoot, file).replace(/\.d\.ts$/, "");
  const visit = (file: string, name: string): Field => {
    const key = shapeName(file, name);
    if (shapes[key]) return key;
    const fields = interfaceFields(file, name);
    // Not an interface (IntOrString, Quantity, Time): a scalar by another name. An interface with no
    // fields declared (FieldsV1, the managed fields kubectl writes) takes anything.
    if (!fields || fields.size === 0) return "x";
    const shape: Record<string, Field> = {};
    shapes[key] = shape;
    for (const [field, type] of [...fields].sort(([a], [b]) => a.localeCompare(b))) {
      const inner =
        "scalar" in type ? type.scalar : "map" in type ? `{}${type.map}` : visit(type.file, type.name);
      shape[field] = `${type.list ? "[]" : ""}${inner}`;
    }
    return key;
  };
  for (const kind of READ_KINDS) {
    const [apiVersion, name] = kind.split(" ") as [string, string];
    kinds[kind] = visit(join(packageRoot, apiVersion, `${name}.d.ts`), `I${name}`);
  }
  return { kinds, shapes };
}
