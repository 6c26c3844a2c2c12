/**
 * Names and labels the API server refuses: an object's name (a DNS subdomain for most kinds, a DNS
 * label for Services and Namespaces, at most 52 characters for a CronJob, whose Jobs add a suffix),
 * a container's name, and label keys and values, on objects and on pod templates. Capitals and
 * underscores are the usual cause; `kubectl apply` stops at the first.
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { type KeyPath, locate } from "../../load/yaml-file.js";
import { asText } from "../json.js";
import {
  asObject,
  isObject,
  type ManifestObject,
  nameKey,
  podContainers,
  podSpecOf,
  type Rename,
  workloadKinds,
} from "./objects.js";
import { refused } from "./refusals.js";

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_STARTING_WITH_A_LETTER = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/**
 * The kinds whose names are DNS names. Others go by other rules (RBAC objects take ':' and
 * capitals, as in system:controller:…), and are left to the API server.
 */
const DNS_NAMED = new Set([
  ...workloadKinds,
  "Service",
  "Namespace",
  "ConfigMap",
  "Secret",
  "Ingress",
  "PersistentVolumeClaim",
  "PodDisruptionBudget",
  "HorizontalPodAutoscaler",
  "ServiceAccount",
  "NetworkPolicy",
]);

const SUBDOMAIN_RULE = "lower-case letters, digits, '-' and '.', starting and ending with a letter or digit";
const LABEL_RULE = "lower-case letters, digits and '-', starting and ending with a letter or digit";

/** Why the API server refuses an object of this kind by this name, or undefined. */
export function objectNameProblem(kind: string, name: string): string | undefined {
  if (kind === "Service")
    return name.length > 63 || !LABEL_STARTING_WITH_A_LETTER.test(name)
      ? "a Service's name is up to 63 lower-case letters, digits and '-', starting with a letter and ending with a letter or digit"
      : undefined;
  if (kind === "Namespace")
    return name.length > 63 || !LABEL.test(name) ? `a Namespace's name is up to 63 ${LABEL_RULE}` : undefined;
  if (name.length > 253 || !SUBDOMAIN.test(name)) return `a name is up to 253 ${SUBDOMAIN_RULE}`;
  if (kind === "CronJob" && name.length > 52)
    return "a CronJob's name is at most 52 characters, as its Jobs add 11 of their own";
  return undefined;
}

const LABEL_PART_RULE =
  "up to 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit";

/** Why the API server refuses a label, and whether its key or its value is at fault; undefined where it takes it. */
function labelProblem(key: string, value: string): { problem: string; in: "key" | "value" } | undefined {
  const slash = key.indexOf("/");
  const [prefix, name] = slash >= 0 ? [key.slice(0, slash), key.slice(slash + 1)] : [undefined, key];
  if (prefix !== undefined && (prefix.length > 253 || !SUBDOMAIN.test(prefix)))
    return {
      problem: `the prefix of the key '${key}' is not a DNS subdomain (${SUBDOMAIN_RULE})`,
      in: "key",
    };
  if (name.length > 63 || !LABEL_PART.test(name))
    return { problem: `the key '${key}' is not ${LABEL_PART_RULE}`, in: "key" };
  if (value !== "" && (value.length > 63 || !LABEL_PART.test(value)))
    return { problem: `the value '${value}' of '${key}' is not ${LABEL_PART_RULE}`, in: "value" };
  return undefined;
}

/**
 * A name the API server could make of a generateName prefix, which it cuts to 58 characters and ends
 * with 5 random letters and digits: the name it holds to the rules is that one, not the prefix.
 */
function generatedName(prefix: string): string {
  return `${prefix.slice(0, 58)}x2b4z`;
}

/**
 * The step of kustomize's renaming that made a name the API server takes one it refuses (a prefix
 * with a capital, a suffix that makes it too long): where the name is to be fixed.
 */
function refusingRename(object: ManifestObject): Rename | undefined {
  const refuses = (name: string) => objectNameProblem(object.kind, name) !== undefined;
  return object.renames?.find((step) => !refuses(step.before) && refuses(step.after));
}

export function objectNameProblems(objects: readonly ManifestObject[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const refuse = (...args: Parameters<typeof refused>) => found.push(refused(...args));
  const labels = (object: ManifestObject, path: KeyPath, of: string) => {
    const value = path.reduce<unknown>((at, key) => (isObject(at) ? at[key] : undefined), object.value);
    for (const [key, label] of Object.entries(asObject(value))) {
      const fault = labelProblem(key, asText(label));
      if (fault)
        refuse(
          object,
          [...object.base, ...path, key],
          `a label of ${of} is refused by the API server: ${fault.problem}`,
          "labels are short names: letters, digits, '-', '_' and '.'",
          fault.in,
        );
    }
  };
  for (const object of objects) {
    const problem = DNS_NAMED.has(object.kind)
      ? objectNameProblem(object.kind, object.generated ? generatedName(object.name) : object.name)
      : undefined;
    if (problem) {
      const message = `${object.kind} '${object.name}' has a name the API server refuses: ${problem}`;
      const hint = "rename it: lower case, with '-' in place of '_' and spaces";
      const renamedBy = object.generated ? undefined : refusingRename(object);
      if (renamedBy)
        found.push(
          diagnostic("manifest-invalid", "error", message, locate(renamedBy.yaml, renamedBy.at, "value"), {
            hint: `change ${renamedBy.at[0]}: lower case, with '-' in place of '_' and spaces`,
          }),
        );
      else refuse(object, [...object.base, "metadata", nameKey(object)], message, hint);
    }
    labels(object, ["metadata", "labels"], `${object.kind} '${object.name}'`);
    // The pod template's labels, and its containers' names; kinds without pods have neither.
    const template = podSpecOf(object).path.slice(0, -1);
    labels(object, [...template, "metadata", "labels"], `the pods of ${object.kind} '${object.name}'`);
    for (const { container, path: at } of podContainers(object)) {
      if (typeof container.name === "string" && (container.name.length > 63 || !LABEL.test(container.name)))
        refuse(
          object,
          [...at, "name"],
          `container '${container.name}' of ${object.kind} '${object.name}' has a name the API server refuses: it is up to 63 ${LABEL_RULE}`,
          "rename the container: lower case, with '-' in place of '_'",
        );
    }
  }
  return found;
}
