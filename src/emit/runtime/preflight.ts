/**
 * What would keep generated configuration from starting, checked before anything is written:
 * the wrong platform, a host port or a container name taken twice on one host, two volumes mounted
 * at one path, a stateful service without a volume, a secret nobody declared or one on a command
 * line, an instance with nothing to run.
 */
import { basename } from "node:path";
import { startupOrder } from "../../analyze/startup-order.js";
import { append } from "../../collections.js";
import { type Diagnostic, diagnostic, quotedNames } from "../../diagnostics.js";
import { isComposeFileName } from "../../import/compose/file-names.js";
import { SECRET_IN_COMMAND_HINTS, secretCommands } from "../../model/container-risks.js";
import { keepsWrites } from "../../model/data-folders.js";
import { duplicateMounts } from "../../model/mounts.js";
import { startTogether } from "../../model/profiles.js";
import {
  dockerBindsOverlap,
  hostPortCount,
  hostPortsText,
  hostPortText,
  publishesInNetworkMode,
  transportOf,
} from "../../model/published.js";
import type { Environment, Instance, Model, Platform, PublishedPort } from "../../model/types.js";
import { extendsUnfollowed } from "../../model/unfollowed-extends.js";
import { ancestors, containerInstances } from "./platform.js";
import { Taken } from "./taken.js";

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
  const clashes = hostClashes(hostOf);
  for (const instance of instances) {
    append(found, instanceProblems(instance, declared, model));
    if (platform === "compose") append(found, clashes(instance));
  }
  if (platform === "compose") append(found, poolShortfalls(instances, hostOf));
  // Written into depends_on, a cycle is a file Compose refuses ("dependency cycle detected").
  const blocked = platform === "compose" ? startupOrder(environment).blocked : [];
  if (blocked.length > 0)
    found.push(
      diagnostic(
        "dependency-cycle",
        "error",
        `${blocked.length === 1 ? `'${blocked[0]!.id}' waits` : `${blocked.length} services, '${blocked[0]!.id}' first, wait`} on a dependency cycle, which Compose refuses to start`,
        blocked[0]!.at,
        {
          hint: "deployview check shows the cycle; remove one of its dependencies, or mark one optional: true",
        },
      ),
    );
  return dedupe(found);
}

/** What keeps one instance from starting, wherever it runs. */
function instanceProblems(instance: Instance, declared: ReadonlySet<string>, model: Model): Diagnostic[] {
  const found: Diagnostic[] = [];
  const service = instance.service;
  // An image written of a type the file refuses is reported there, not said to be missing too.
  const imageRefused = model.refusedImages?.has(service.id) === true;
  if (!instance.image && !service.build && !extendsUnfollowed(model, service) && !imageRefused) {
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
    found.push(
      diagnostic("secret-in-command", "error", message, at, { hint: SECRET_IN_COMMAND_HINTS.model }),
    );
  if (service.stateful && !service.volumes.some(keepsWrites)) {
    // A restart keeps a container's own layer, where recreating it (an update, down and up) does
    // not; a tmpfs is emptied by a restart.
    found.push(
      diagnostic(
        "stateful-without-volume",
        "error",
        service.volumes.length === 0
          ? `'${service.id}' keeps state but has no volume; its data would be lost with the container`
          : `'${service.id}' keeps state but mounts no volume that keeps what it writes (a tmpfs or a read-only mount keeps nothing); its data would be lost on restart`,
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
  return found;
}

/**
 * Host ports and container names are taken once on each host (among the instances that run at the
 * same time): the returned function says, of each instance in turn, which of its own one before it took.
 */
function hostClashes(hostOf: (nodeId: string) => string): (instance: Instance) => Diagnostic[] {
  /** By host, port and protocol: the addresses bound there, and by whom. */
  const published = new Map<string, Taken<{ bind: string | undefined; instance: Instance }>>();
  /** By host and container name. */
  const containers = new Map<string, Taken<{ instance: Instance }>>();
  const takenAt = <T extends { instance: Instance }>(map: Map<string, Taken<T>>, key: string): Taken<T> => {
    const taken = map.get(key) ?? new Taken<T>();
    map.set(key, taken);
    return taken;
  };
  // Thousands of instances may each be given the same list of thousands (see Taken): its ids are
  // found once, not again for each.
  const named = new WeakMap<readonly { instance: Instance }[], { ids: string[]; key: string }>();
  const namesOf = (earlier: readonly { instance: Instance }[]) => {
    const known = named.get(earlier);
    if (known) return known;
    const ids = earlier.map((e) => e.instance.id);
    const names = { ids, key: ids.join("\u0000") };
    named.set(earlier, names);
    return names;
  };
  return (instance) => {
    const found: Diagnostic[] = [];
    // Scaled to none (Compose's replicas: 0), it starts no container to take a port or a name.
    if (instance.replicas.max === 0) return found;
    if (instance.containerName) {
      const at = instance.containerNameAt ?? instance.at;
      const key = `${hostOf(instance.node)}|${instance.containerName}`;
      const taken = takenAt(containers, key);
      const earlier = taken.firstInEachRun(instance, () => true);
      if (earlier.length > 0)
        found.push(
          diagnostic(
            "container-name-conflict",
            "error",
            `container name '${instance.containerName}' is already taken by ${quotedNames(namesOf(earlier).ids)} on this host`,
            at,
            { hint: "give each a name of its own, or leave container_name out" },
          ),
        );
      // Taken all the same: one in a profile after it may start with it and not with those before.
      taken.add({ instance });
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
    // A port the system picks is free by definition; so is one of a pool, which Docker takes where it
    // finds one free (how many a pool is short of its replicas is replicas-with-fixed-host-port's).
    // In another's network stack or in none it publishes nothing of its own: Compose refuses the
    // ports (compose-conflicting-keys says so), and the generated file leaves them out. On the
    // host's network it listens on its own ports on the host's every interface.
    const network = instance.service.networkMode;
    const publishes: PublishedPort[] = publishesInNetworkMode(network)
      ? instance.publish
      : network === "host"
        ? instance.service.ports.map((port) => ({ port, host: port.port, at: port.at }))
        : [];
    // The ports of one entry (a spread range) taken by the same instances are one finding.
    const clashes = new Map<string, { port: (typeof publishes)[number]; hosts: number[]; by: string[] }>();
    for (const port of publishes.filter((p) => p.host !== undefined && p.hostLast === undefined)) {
      const protocol = transportOf(port.port.protocol);
      const key = `${hostOf(instance.node)}|${port.host}/${protocol}`;
      const bound = takenAt(published, key);
      const earlier = bound.firstInEachRun(instance, (b) => dockerBindsOverlap(b.bind, port.bind), port.bind);
      if (earlier.length > 0) {
        const { ids: by, key: byKey } = namesOf(earlier);
        const clash = `${port.at?.file}|${port.at?.start}|${byKey}`;
        const same = clashes.get(clash);
        if (same) same.hosts.push(port.host!);
        else clashes.set(clash, { port, hosts: [port.host!], by });
      }
      // Taken all the same: one in a profile after it may start with it and not with those before.
      bound.add({ bind: port.bind, instance });
    }
    for (const { port, hosts, by } of clashes.values()) {
      const ports = hostPortsText(hosts.map((h) => [h, h] as const));
      found.push(
        diagnostic(
          "host-port-conflict",
          "error",
          by.length === 1 && by[0] === instance.id
            ? `'${instance.id}' publishes ${ports} twice on this host`
            : `'${instance.id}' publishes ${ports}, which ${quotedNames(by)} already publish${by.length === 1 ? "es" : ""} on this host`,
          port.at,
          { hint: "publish one of them on another host port" },
        ),
      );
    }
    return found;
  };
}

/**
 * Pools of host ports (8090-8093:80) that fixed ports of others on the host leave too few free for
 * their replicas: Docker gives each replica a free port of the pool, and the last ones get none.
 * A pool smaller than its replicas on its own is replicas-with-fixed-host-port's.
 */
function poolShortfalls(instances: readonly Instance[], hostOf: (nodeId: string) => string): Diagnostic[] {
  const running = instances.filter(
    (i) => i.replicas.max > 0 && publishesInNetworkMode(i.service.networkMode),
  );
  const pools = running.flatMap((instance) =>
    instance.publish.filter((p) => p.hostLast !== undefined).map((port) => ({ instance, port })),
  );
  if (pools.length === 0) return [];
  const fixed = running.flatMap((instance) =>
    instance.publish
      .filter((p) => p.host !== undefined && p.hostLast === undefined)
      .map((port) => ({ instance, port })),
  );
  const protocol = (port: Instance["publish"][number]) => transportOf(port.port.protocol);
  return pools.flatMap(({ instance, port }) => {
    const taken = fixed.filter(
      (other) =>
        other.instance !== instance &&
        hostOf(other.instance.node) === hostOf(instance.node) &&
        protocol(other.port) === protocol(port) &&
        dockerBindsOverlap(other.port.bind, port.bind) &&
        startTogether(other.instance.service.profiles, instance.service.profiles) &&
        other.port.host! >= port.host! &&
        other.port.host! <= port.hostLast!,
    );
    const takenPorts = new Set(taken.map((other) => other.port.host!));
    const free = hostPortCount(port) - takenPorts.size;
    if (takenPorts.size === 0 || free >= instance.replicas.max) return [];
    const by = [...new Set(taken.map((other) => other.instance.id))];
    return [
      diagnostic(
        "host-port-conflict",
        "error",
        `'${instance.id}' runs ${instance.replicas.max} replica${instance.replicas.max === 1 ? "" : "s"} on the host ports ${hostPortText(port)}, of which ${quotedNames(by)} already publish${by.length === 1 ? "es" : ""} ${[...takenPorts].join(", ")} on this host: ${free === 0 ? "none is" : `only ${free} ${free === 1 ? "is" : "are"}`} left`,
        port.at,
        { hint: "give the pool more ports, or publish the others elsewhere" },
      ),
    ];
  });
}

/**
 * One finding of each kind and message at a place: an entry written once may be checked for each
 * instance made from it. Two clashes of one range entry, spread a port each, are two findings.
 */
function dedupe(found: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return found.filter((d) => {
    const key = `${d.code}|${d.file}|${d.start}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
