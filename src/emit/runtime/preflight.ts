/**
 * What would keep generated configuration from starting, checked before anything is written:
 * the wrong platform, a host port or a container name taken twice on one host, two volumes mounted
 * at one path, a stateful service without a volume, a secret nobody declared or one on a command
 * line, an instance with nothing to run.
 */
import { basename } from "node:path";
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { isComposeFileName } from "../../import/compose/file-names.js";
import { SECRET_IN_COMMAND_HINT, secretCommands } from "../../model/container-risks.js";
import { duplicateMounts } from "../../model/mounts.js";
import { startTogether } from "../../model/profiles.js";
import { bindsOverlap } from "../../model/published.js";
import type { Environment, Instance, Model, Platform } from "../../model/types.js";
import { ancestors, containerInstances } from "./platform.js";

export function preflight(model: Model, environment: Environment, platform: Platform): Diagnostic[] {
  const found: Diagnostic[] = [];
  if (environment.platform !== platform) {
    found.push(
      diagnostic(
        "wrong-platform",
        "error",
        `environment '${environment.id}' runs on ${environment.platform}, not ${platform}`,
        environment.at,
        {
          hint:
            platform === "compose"
              ? "use deployview k8s for Kubernetes environments"
              : "use deployview compose for Compose environments",
        },
      ),
    );
    return found;
  }
  const instances = containerInstances(environment);
  const declared = new Set(model.secrets.map((s) => s.id));
  const hostOf = (nodeId: string) => {
    const chain = ancestors(environment, nodeId);
    return (
      (chain.find((n) => n.kind === "host" || n.kind === "vm" || n.kind === "device") ?? chain.at(-1))?.id ??
      nodeId
    );
  };
  /** By host, port and protocol: the addresses bound there, and by whom. */
  const published = new Map<string, { bind: string | undefined; instance: Instance }[]>();
  const containers = new Map<string, Instance[]>();
  for (const instance of instances) {
    const service = instance.service;
    if (!instance.image && !service.build) {
      found.push(
        diagnostic("no-image", "error", `'${instance.id}' has neither an image nor a build`, instance.at, {
          // A compose file that only adds to another (an override) lacks them by design.
          hint: isComposeFileName(basename(instance.at.file))
            ? `give '${service.id}' an image or a build; if this file adds to another, check them together: deployview check -f <base file> -f ${basename(instance.at.file)}`
            : `give service '${service.id}' an image or a build context`,
        }),
      );
    }
    // Written into the generated file, the command would carry the secret with it.
    for (const { at, message } of secretCommands(service))
      found.push(diagnostic("secret-in-command", "error", message, at, { hint: SECRET_IN_COMMAND_HINT }));
    if (service.stateful && service.volumes.length === 0) {
      found.push(
        diagnostic(
          "stateful-without-volume",
          "error",
          `'${service.id}' keeps state but has no volume; its data would be lost on restart`,
          service.at,
          {
            hint: "add a volume, or set stateful: false if it keeps nothing",
          },
        ),
      );
    }
    for (const variable of instance.env) {
      if (variable.value.kind === "secret" && !declared.has(variable.value.secret)) {
        found.push(
          diagnostic(
            "secret-without-source",
            "error",
            `secret '${variable.value.secret}' is not declared under secrets`,
            variable.at,
            {
              hint: `add secrets: { ${variable.value.secret}: { source: … } } to the model`,
            },
          ),
        );
      }
    }
    for (const { volume, message } of duplicateMounts(service))
      found.push(
        diagnostic("duplicate-mount-path", "error", message, volume.at, { hint: "mount it at another path" }),
      );
    if (platform !== "compose") continue;
    if (instance.containerName) {
      const at = instance.containerNameAt ?? instance.at;
      const key = `${hostOf(instance.node)}|${instance.containerName}`;
      const named = containers.get(key) ?? [];
      const earlier = named.find((other) => runTogether(other, instance));
      if (earlier)
        found.push(
          diagnostic(
            "container-name-conflict",
            "error",
            `container name '${instance.containerName}' is already taken by '${earlier.id}' on this host`,
            at,
            { hint: "give each a name of its own, or leave container_name out" },
          ),
        );
      else containers.set(key, [...named, instance]);
      if (instance.replicas.max > 1)
        found.push(
          diagnostic(
            "container-name-conflict",
            "error",
            `'${instance.id}' runs ${instance.replicas.max} replicas under the one container name '${instance.containerName}'`,
            at,
            { hint: "leave container_name out, so that each replica gets its own" },
          ),
        );
    }
    // A port the system picks is free by definition.
    for (const port of instance.publish.filter((p) => p.host !== undefined)) {
      const protocol = port.port.protocol === "udp" ? "udp" : "tcp";
      const key = `${hostOf(instance.node)}|${port.host}/${protocol}`;
      const bound = published.get(key) ?? [];
      const earlier = bound.find(
        (b) => bindsOverlap(b.bind, port.bind) && runTogether(b.instance, instance),
      )?.instance;
      if (earlier) {
        found.push(
          diagnostic(
            "host-port-conflict",
            "error",
            `host port ${port.host} is already published by '${earlier.id}' on this host`,
            port.at,
            {
              hint: "publish one of them on another host port",
            },
          ),
        );
      } else published.set(key, [...bound, { bind: port.bind, instance }]);
    }
  }
  return dedupe(found);
}

/** Whether two instances can run at once (see startTogether). */
const runTogether = (a: Instance, b: Instance) => startTogether(a.service.profiles, b.service.profiles);

function dedupe(found: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return found.filter((d) => {
    const key = `${d.code}|${d.file}|${d.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
