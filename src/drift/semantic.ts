/**
 * Drift in meaning: a committed compose file or manifest folder is imported, and so is what the
 * model generates in its place; each difference in what runs is reported where the file says it.
 */
import { append } from "../collections.js";
import { type Diagnostic, diagnostic, type SourceRange } from "../diagnostics.js";
import { composeToModel } from "../import/compose/to-model.js";
import { manifestObjects } from "../import/kubernetes/read-file.js";
import { REPLICA_BOUNDS } from "../import/kubernetes/scaling.js";
import { manifestsToModel } from "../import/kubernetes/to-model.js";
import { type KeyPath, parseYaml } from "../load/yaml-file.js";
import type { ModelInputType } from "../model/schema.js";
import { type InstanceFacts, instanceFacts } from "./facts.js";

export interface Imported {
  input: ModelInputType;
  locate: (path: KeyPath, prefer?: "key" | "value") => SourceRange;
  /** What the importer found for a lint rule (see Model.importFindings): a secret among them. */
  findings: Diagnostic[];
}

export type ConfigurationKind = "compose" | "kubernetes";

/** Imports configuration text (one compose file, or the files of a manifest folder). */
export function importText(
  kind: ConfigurationKind,
  files: { path: string; text: string }[],
): Imported | undefined {
  if (kind === "compose") {
    const file = files[0];
    if (!file) return undefined;
    const yaml = parseYaml(file.text, file.path, { merge: true }).documents[0];
    if (!yaml || yaml.value === null || typeof yaml.value !== "object" || Array.isArray(yaml.value))
      return undefined;
    return composeToModel("drift", [{ yaml, value: yaml.value as Record<string, unknown> }], "drift");
  }
  const objects = files.flatMap((f) => manifestObjects(f.text, f.path).objects);
  if (objects.length === 0) return undefined;
  return manifestsToModel("drift", objects, "drift", files[0]!.path);
}

const list = (values: string[]) => (values.length > 0 ? values.join(", ") : "none");
const waits = (values: string[]) =>
  values.length > 0 ? values.join(", ") : "each dependency to be healthy where it has a health check";

function compareFacts(
  id: string,
  model: InstanceFacts,
  file: InstanceFacts,
  locate: Imported["locate"],
  missing: readonly string[],
): Diagnostic[] {
  const found: Diagnostic[] = [];
  const report = (path: KeyPath, message: string) =>
    found.push(
      diagnostic("configuration-drift", "error", message, locate(path, "value"), {
        hint: "change the model (then run deployview build), or bring the file back in line with it",
      }),
    );
  if (model.image !== file.image)
    report(
      [...file.servicePath, "image"],
      `'${id}' runs ${file.image ?? "no image"} here; the model says ${model.image ?? "none"}`,
    );
  if (model.publish.join() !== file.publish.join())
    report(
      [...file.instancePath, "publish"],
      `'${id}' publishes ${list(file.publish)} here; the model says ${list(model.publish)}`,
    );
  if (model.replicas !== file.replicas)
    report(
      [...file.instancePath, "replicas", REPLICA_BOUNDS],
      `'${id}' runs ${file.replicas} here; the model says ${model.replicas}`,
    );
  if (model.volumes.join() !== file.volumes.join())
    report(
      [...file.servicePath, "volumes"],
      `'${id}' mounts ${list(file.volumes)} here; the model says ${list(model.volumes)}`,
    );
  const added = file.env.filter((name) => !model.env.includes(name));
  const removed = model.env.filter((name) => !file.env.includes(name));
  if (added.length > 0)
    report(
      [...file.servicePath, "env", added[0]!],
      `'${id}' sets ${list(added)} here, which the model does not`,
    );
  if (removed.length > 0)
    report([...file.servicePath, "env"], `'${id}' does not set ${list(removed)} here, which the model does`);
  if (model.command !== file.command)
    report([...file.servicePath, "command"], `'${id}' runs another command here than the model says`);
  if (model.resourcesKey !== file.resourcesKey)
    report(
      [...file.servicePath, "memory"],
      `'${id}' runs with ${file.resources ?? "no resource limits"} here; the model says ${model.resources ?? "none"}`,
    );
  // A dependency on a service the file lacks is that service's finding (and the file's defect).
  const uses = model.uses.filter((target) => !missing.includes(target));
  if (uses.join() !== file.uses.join())
    report(
      [...file.servicePath, "uses"],
      `'${id}' depends on ${list(file.uses)} here; the model says ${list(uses)}`,
    );
  const changed = [...file.waits, ...model.waits].find(
    (w) => !file.waits.includes(w) || !model.waits.includes(w),
  );
  if (changed)
    report(
      [...file.servicePath, "uses", changed.slice(0, changed.lastIndexOf(" ("))],
      `'${id}' waits for ${waits(file.waits)} here; the model says ${waits(model.waits)}`,
    );
  if (model.health !== file.health)
    report(
      [...file.servicePath, "health"],
      file.health === undefined
        ? `'${id}' has no health check here; the model has one`
        : model.health === undefined
          ? `'${id}' has a health check here that the model lacks`
          : `'${id}' checks its health differently here than the model says`,
    );
  return found;
}

/**
 * Differences between what the model generates and what the committed files say, and the services
 * the files lack (reported where the file lists what runs, since nothing in it is theirs).
 */
export function semanticDrift(
  generated: Imported,
  committed: Imported,
  file: string,
): { diagnostics: Diagnostic[]; missing: string[] } {
  const expected = instanceFacts(generated.input);
  const actual = instanceFacts(committed.input);
  const found: Diagnostic[] = [];
  const missing = [...expected.keys()].filter((id) => !actual.has(id));
  for (const [id, facts] of actual) {
    const model = expected.get(id);
    if (!model) {
      found.push(
        diagnostic(
          "configuration-drift",
          "error",
          `'${id}' runs here, but the model does not place it in this environment`,
          committed.locate(facts.instancePath),
          { hint: "add it to the model, or remove it from the file" },
        ),
      );
      continue;
    }
    append(found, compareFacts(id, model, facts, committed.locate, missing));
  }
  // Where the file lists what runs (a compose file's `services:`), else its start.
  const runs = [...actual.values()][0]?.instancePath.slice(0, -1);
  const list = runs ? committed.locate(runs, "key") : { file, start: 0, end: 0 };
  for (const id of missing) {
    found.push(
      diagnostic(
        "configuration-drift",
        "error",
        `the model runs '${id}' in this environment, but the file does not`,
        list,
        { hint: "run deployview build, or remove it from the model" },
      ),
    );
  }
  return { diagnostics: found, missing };
}
