/**
 * One compose service as the model's service and its instance on the Compose host, each part read
 * by the module that knows its keys, and every model path noted with the compose path it came from.
 */

import { CONTAINER_NAME, CONTAINER_NAME_HINT } from "../../model/container-name.js";
import { heldSecret, passesSecret, SECRET_IN_COMMAND_HINTS } from "../../model/container-risks.js";
import { KIND_LABEL } from "../../model/labels.js";
import { transportOf, withoutBrackets } from "../../model/published.js";
import type { ServiceInputType } from "../../model/schema.js";
import { asText, isObject, isReplicaCount, type Json, textOf } from "../json.js";
import { buildField } from "./build.js";
import { usesField } from "./depends-on.js";
import { envField } from "./environment.js";
import { healthField } from "./health.js";
import { guessKind, serviceKinds } from "./kinds.js";
import { pullPolicy, restartFields } from "./lifecycle.js";
import { entryPath } from "./locate-merged.js";
import { mounted, volumesField } from "./mounts.js";
import { exposedPorts, type Port, publishedPorts } from "./ports.js";
import type { Reading } from "./reading.js";
import { resourceFields } from "./resources.js";
import { securityField } from "./security.js";
import { integerOf } from "./spec-walk.js";

/** What reading every service of the file shares. */
export interface ServicesReading extends Reading {
  /** The merged file's services, for the targets of depends_on. */
  composeServices: Json;
  /** The model path of the environment's runtime, where each service's instance goes. */
  runPath: readonly string[];
  /** Variables that look secret, left as written where they are used. */
  secretVariables: ReadonlySet<string>;
  /** Gets each secret the environment supplies, by name, with its variable. */
  fromEnvironment: Map<string, string>;
  /** Whether port ranges are read as a port each (see spreadsRanges). */
  spreadRanges: boolean;
  /** The services that run their image's own health check (see Model.imageHealthChecks). */
  imageHealthChecks: Set<string>;
}

export interface ReadService {
  service: ServiceInputType;
  /** Its instance on the host, or null where it says nothing more than that it runs. */
  instance: Json | null;
  /** The ports it publishes. */
  published: Port[];
}

/** Model fields of a service and the compose keys they come from. */
const FIELD_KEYS = [
  ["image", "image"],
  ["command", "command"],
  ["ports", "ports"],
  ["env", "environment"],
  ["volumes", "volumes"],
  ["uses", "depends_on"],
] as const;

/** Labels as a map, from either of the forms Compose allows. */
function labelsOf(value: unknown): Record<string, string> {
  if (Array.isArray(value))
    return Object.fromEntries(
      value.map((entry) => {
        const [key, ...rest] = asText(entry).split("=");
        return [key!, rest.join("=")];
      }),
    );
  return isObject(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asText(v)])) : {};
}

/**
 * How many replicas a service asks for, and the key that says it: deploy.replicas, else scale;
 * each read as Compose reads it, so a count a variable fills in ("${REPLICAS:-2}") counts too.
 */
function replicasOf(raw: Json): { count: number; key: string[] } | undefined {
  const deployed = integerOf(isObject(raw.deploy) ? raw.deploy.replicas : undefined);
  if (isReplicaCount(deployed)) return { count: deployed, key: ["deploy", "replicas"] };
  const scale = integerOf(raw.scale);
  return isReplicaCount(scale) ? { count: scale, key: ["scale"] } : undefined;
}

/** Copies the fields that have a value, in order: the order a model written from them shows. */
function assign(service: ServiceInputType, fields: Partial<ServiceInputType>): void {
  for (const key in fields) {
    const value = fields[key as keyof ServiceInputType];
    if (value !== undefined) (service as Record<string, unknown>)[key] = value;
  }
}

export function readService(id: string, raw: Json, reading: ServicesReading): ReadService {
  const { note } = reading;
  const runPath = [...reading.runPath, id];
  const image = textOf(raw.image);
  const published = publishedPorts(id, raw, reading, reading.spreadRanges);
  const labelled = labelsOf(raw.labels)[KIND_LABEL];
  const service: ServiceInputType = {
    kind: serviceKinds.has(labelled ?? "")
      ? (labelled as ServiceInputType["kind"])
      : guessKind(
          id,
          image,
          published.map((p) => p.container),
        ),
  };
  note(["services", id], ["services", id]);
  // Whole fields too, so that a finding about one points at it even where its entries differ.
  for (let i = 0; i < FIELD_KEYS.length; i++)
    note(["services", id, FIELD_KEYS[i]![0]], ["services", id, FIELD_KEYS[i]![1]]);
  // Each word of a command list, for a finding about one (a secret passed on the command line).
  if (Array.isArray(raw.command))
    for (const index of raw.command.keys())
      note(["services", id, "command", index], ["services", id, "command", index]);
  note([...runPath, "publish"], ["services", id, "ports"]);
  // scale is the older way to say deploy.replicas; Compose takes either (and refuses the two apart).
  const replicas = replicasOf(raw);
  note([...runPath, "replicas"], ["services", id, ...(replicas?.key ?? ["deploy", "replicas"])]);
  const exposed = exposedPorts(raw.expose, published, reading.spreadRanges);
  for (const p of published)
    note(
      ["services", id, "ports", p.name],
      entryPath(raw.ports, ["services", id, "ports"], p.index, "target"),
    );
  for (const p of exposed) note(["services", id, "ports", p.name], ["services", id, "expose", p.index]);
  const ports = [...published, ...exposed];
  // The model keeps no entrypoint; what one passes on the command line is found here, at the
  // secret where the file writes it, as a command's is.
  const entrypoint = Array.isArray(raw.entrypoint) ? raw.entrypoint.map(asText) : textOf(raw.entrypoint);
  if (entrypoint !== undefined && passesSecret(entrypoint)) {
    const held = heldSecret(entrypoint);
    reading.find(
      "secret-in-command",
      `the entrypoint of '${id}' passes a secret on the command line`,
      SECRET_IN_COMMAND_HINTS.compose,
      ["services", id, "entrypoint", ...(held?.word !== undefined ? [held.word] : [])],
      undefined,
      held,
    );
  }
  assign(service, {
    image: image || undefined,
    build: buildField(id, raw, reading),
    command:
      raw.command === undefined
        ? undefined
        : Array.isArray(raw.command)
          ? raw.command.map(asText)
          : asText(raw.command),
    ports:
      ports.length > 0
        ? Object.fromEntries(
            ports.map((p) => [
              p.name,
              transportOf(p.protocol) === "tcp"
                ? p.container
                : { port: p.container, protocol: transportOf(p.protocol) },
            ]),
          )
        : undefined,
    health: healthField(id, raw, reading),
    env: envField(id, raw, reading, reading.secretVariables, reading.fromEnvironment),
    volumes: volumesField(id, raw, reading),
    uses: usesField(id, raw, reading.composeServices, reading, reading.imageHealthChecks),
    ...resourceFields(id, raw, reading),
    ...restartFields(id, raw, reading),
    pull: pullPolicy(raw.pull_policy),
    "network-mode": raw.network_mode ? asText(raw.network_mode) : undefined,
    pid: raw.pid ? asText(raw.pid) : undefined,
    ipc: raw.ipc ? asText(raw.ipc) : undefined,
    "userns-mode": raw.userns_mode ? asText(raw.userns_mode) : undefined,
    uts: raw.uts ? asText(raw.uts) : undefined,
    cgroup: raw.cgroup ? asText(raw.cgroup) : undefined,
    profiles: Array.isArray(raw.profiles) ? raw.profiles.map(asText) : undefined,
    security: securityField(id, raw, reading),
  });
  for (const [field, key] of [
    ["network-mode", "network_mode"],
    ["pid", "pid"],
    ["ipc", "ipc"],
    ["userns-mode", "userns_mode"],
    ["uts", "uts"],
    ["cgroup", "cgroup"],
  ] as const)
    if (raw[key]) note(["services", id, field], ["services", id, key]);
  const notes = [
    ...mounted(raw.secrets, "secret", "/run/secrets"),
    ...mounted(raw.configs, "config", "/"),
    ...networksOf(raw.networks).map((network) => `Joins the network '${network}'`),
  ];
  if (notes.length > 0) service.notes = notes;
  return { service, instance: instanceOf(id, raw, published, replicas?.count, reading), published };
}

function networksOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(asText);
  return isObject(value) ? Object.keys(value) : [];
}

/** The service's instance: the ports it publishes, its replicas and its container name, where it says them. */
function instanceOf(
  id: string,
  raw: Json,
  published: readonly Port[],
  replicas: number | undefined,
  reading: ServicesReading,
): Json | null {
  const runPath = [...reading.runPath, id];
  const instance: Json = {};
  // Every entry publishes: "5432" on a host port the system picks.
  if (published.length > 0) {
    instance.publish = Object.fromEntries(
      published.map((p) => [
        p.name,
        p.bind || p.hostLast !== undefined
          ? {
              ...(p.host === undefined ? {} : { host: p.host }),
              ...(p.hostLast === undefined ? {} : { "host-last": p.hostLast }),
              ...(p.bind ? { bind: withoutBrackets(p.bind) } : {}),
            }
          : (p.host ?? {}),
      ]),
    );
    for (const p of published)
      reading.note(
        [...runPath, "publish", p.name],
        entryPath(raw.ports, ["services", id, "ports"], p.index, "published"),
      );
  }
  if (replicas !== undefined) instance.replicas = replicas;
  const containerName = textOf(raw.container_name);
  if (containerName !== undefined && CONTAINER_NAME.test(containerName)) {
    instance["container-name"] = containerName;
    reading.note([...runPath, "container-name"], ["services", id, "container_name"]);
  } else if (containerName !== undefined)
    reading.report(
      "schema-invalid-value",
      `container_name '${containerName}' of '${id}' is not a name Docker accepts`,
      CONTAINER_NAME_HINT,
      ["services", id, "container_name"],
    );
  reading.note(runPath, ["services", id]);
  return Object.keys(instance).length > 0 ? instance : null;
}
