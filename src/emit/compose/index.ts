/** Docker Compose for one compose environment: `compose.yaml` and `.env.example`. Pure. */

import { basename } from "node:path";
import { Document, isMap, isScalar, isSeq, visit } from "yaml";
import type { Diagnostic } from "../../diagnostics.js";
import { diagnostic } from "../../diagnostics.js";
import { GENERATED_FOR } from "../../import/compose/generated-for.js";
import { dependsOnUses } from "../../model/depends-on.js";
import { pathsFromFolder } from "../../model/folder-paths.js";
import type { Environment, Instance, Model } from "../../model/types.js";
import { type GeneratedFile, generatedHeader } from "../generated-file.js";
import { ancestors, containerInstances } from "../runtime/platform.js";
import { preflight } from "../runtime/preflight.js";
import { unknownEnvironment } from "../unknown-environment.js";
import { DOCUMENT_OPTIONS, quoteForYaml11 } from "../yaml-1-1.js";
import { envExample } from "./env-example.js";
import { composeHealthcheck } from "./health.js";
import { composeService, containersByService } from "./service.js";

export interface ComposeOptions {
  /**
   * The folder the compose file goes to, relative to the model's folder (default: the model's
   * own). The model's relative paths are written relative to it, as Compose reads them.
   */
  folder?: string;
}

export interface ComposeResult {
  files: GeneratedFile[];
  diagnostics: Diagnostic[];
}

/** A Compose project name: lower case letters, digits, dashes and underscores. */
export function projectName(model: Model, environment: Environment): string {
  const slug = `${model.system.name}-${environment.id}`
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/^[-_]+|-+$/g, "");
  return /^[a-z0-9]/.test(slug) ? slug : `dv-${slug}`;
}

/** YAML text; commands and health-check tests as one-line lists, the way people write them. */
function toYaml(value: Record<string, unknown>): string {
  const doc = new Document(value, DOCUMENT_OPTIONS);
  visit(doc, {
    Scalar: (_, node) => quoteForYaml11(node),
    Pair(_, pair) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if ((key === "test" || key === "command") && isSeq(pair.value) && pair.value.items.every(isScalar))
        pair.value.flow = true;
      if (key === "environment" && isMap(pair.value))
        for (const variable of pair.value.items)
          if (isScalar(variable.value) && variable.value.value === null)
            variable.value.comment = " taken from where Compose runs";
    },
  });
  return doc.toString({ lineWidth: 0 });
}

export function emitCompose(
  model: Model,
  environmentId: string,
  options: ComposeOptions = {},
): ComposeResult {
  const environment = model.environments.find((e) => e.id === environmentId);
  if (!environment) {
    return {
      files: [],
      diagnostics: [unknownEnvironment(model, environmentId)],
    };
  }
  const problems = preflight(model, environment, "compose");
  const diagnostics: Diagnostic[] = [...problems];
  if (problems.some((d) => d.severity === "error")) return { files: [], diagnostics };

  const instances = containerInstances(environment);
  const dependsOn = dependsOnUses(instances.map((i) => i.service));
  const health = new Map(instances.map((i) => [i.id, composeHealthcheck(i)]));
  // Who waits for each service to be healthy: found once, for the services whose check is left out.
  let waitersOf: Map<string, string[]> | undefined;
  const waitersFor = (serviceId: string) => {
    if (!waitersOf) {
      waitersOf = new Map();
      for (const i of instances)
        for (const u of dependsOn(i.service))
          if (u.wait === "healthy") {
            const list = waitersOf.get(u.target);
            if (!list) waitersOf.set(u.target, [`'${i.id}'`]);
            else if (list.at(-1) !== `'${i.id}'`) list.push(`'${i.id}'`);
          }
    }
    return waitersOf.get(serviceId) ?? [];
  };
  for (const instance of instances) {
    if (instance.service.health && !health.get(instance.id)) {
      const waiting = waitersFor(instance.service.id);
      const started =
        waiting.length > 0
          ? `, so ${waiting.join(", ")} wait${waiting.length > 1 ? "" : "s"} only for it to start`
          : "";
      diagnostics.push(
        diagnostic(
          "health-check-not-runnable",
          "warning",
          `the ${instance.service.health.type} health check of '${instance.service.id}' is left out of compose: the image may have no program to run it${started}`,
          instance.service.health.at,
          {
            hint: "add command: [curl, -f, http://localhost:PORT/health] (or whatever the image has) to the health check",
          },
        ),
      );
    }
  }
  const healthy = new Set([...health].filter(([, check]) => check).map(([id]) => id));
  // What a container here waits to see complete: only those depends_on names.
  const awaited = new Set(
    instances.flatMap((i) =>
      dependsOn(i.service)
        .filter((u) => u.wait === "completed")
        .map((u) => u.target),
    ),
  );
  const containers = containersByService(environment);
  const twice = new Set([...containers].filter(([, runs]) => runs.length > 1).map(([id]) => id));
  const volumes = new Map<string, Record<string, never>>();
  const volumeName = (instance: Instance, volume: string) => {
    const source = instance.service.volumes.find((v) => v.name === volume)?.source ?? volume;
    const name = twice.has(instance.service.id) ? `${instance.id}-${source}` : source;
    volumes.set(name, {});
    return name;
  };
  const networkNodes = environment.allNodes.filter((n) => n.kind === "network");
  const networks = (instance: Instance) =>
    ancestors(environment, instance.node)
      .filter((n) => n.kind === "network")
      .map((n) => n.id);

  const services = Object.fromEntries(
    instances.map((i) => [
      i.id,
      composeService(
        i,
        {
          model,
          environment,
          healthy,
          awaited,
          volumeName,
          networks,
          containers,
          path: pathsFromFolder(model.file, options.folder ?? "."),
          dependsOn,
        },
        health.get(i.id),
      ),
    ]),
  );
  // The environment it was made for, which Compose passes over: `check` of this file then judges it
  // as the model's check judges that environment (a database published in development only).
  const document: Record<string, unknown> = {
    name: projectName(model, environment),
    [GENERATED_FOR]: { environment: environment.id },
    services,
  };
  if (networkNodes.length > 0) {
    document.networks = Object.fromEntries(
      networkNodes.map((n) => [
        n.id,
        /overlay/i.test(n.technology ?? "") ? { driver: "overlay" } : { driver: "bridge" },
      ]),
    );
  }
  if (volumes.size > 0)
    document.volumes = Object.fromEntries([...volumes].sort(([a], [b]) => a.localeCompare(b)));
  const source = basename(model.file);
  const compose = `${generatedHeader("hash", source)}${toYaml(document)}`;
  return {
    files: [
      { path: "compose.yaml", content: compose },
      { path: ".env.example", content: envExample(model, environment, source) },
    ],
    diagnostics,
  };
}
