/**
 * The Startup Order section: the order something enforces (Compose's depends_on), or, where nothing
 * does, the order the dependencies imply (a plain host) or what each needs (Kubernetes).
 */
import { startupOrder } from "../../analyze/startup-order.js";
import type { Environment, Instance } from "../../model/types.js";
import { mermaidStartupSequence } from "../diagram/mermaid/sequence.js";
import { fenced, numbered, table } from "../markdown/blocks.js";
import { cell, text } from "../markdown/escape.js";
import { blocks } from "./section.js";

/** The other instances here that an instance cannot work without. */
function needs(instance: Instance, environment: Environment): Instance[] {
  const targets = new Set(instance.service.uses.filter((u) => !u.optional).map((u) => u.target));
  return environment.instances.filter(
    (other) => other !== instance && other.workload !== "File" && targets.has(other.service.id),
  );
}

// The generated manifests hold no init containers or other ordering, so Kubernetes starts every pod
// together: an order drawn in waves would claim what nothing enforces.
function kubernetesStartup(environment: Environment): string {
  const waiting = environment.instances.flatMap((instance) => {
    const needed = needs(instance, environment);
    return instance.workload === "File" || needed.length === 0
      ? []
      : [[cell(instance.name), cell(needed.map((i) => i.name).join(", "))]];
  });
  return blocks(
    "Kubernetes starts all pods together: nothing in the generated manifests orders them. A service must wait for what it needs on its own, retrying until it answers; where it has a health check, its readiness probe keeps it out of its Service until the check passes.",
    waiting.length > 0 && table(["Service", "Needs"], waiting),
  );
}

// The generated compose file's depends_on holds a service back until what it needs is ready: the
// order is enforced, service by service rather than step by step. A use that says what it waits
// for may ask for less (started) or for more (a job's completion) than the health check.
const COMPOSE_ORDER =
  "Derived from the services' dependencies, and enforced by the generated compose file's depends_on: each service starts once each service it needs is healthy (started, where it has no health check), or has done what the use waits for (started, healthy or completed).";

// Nothing deployview generates runs on a plain host, so nothing there holds a service back.
const HOST_ORDER =
  "The order the services' dependencies imply; nothing here enforces it. Start them in this order (each once what it needs answers), or let each retry until what it needs is up.";

// A process on the host is not in the compose file: depends_on neither waits for it nor holds it back.
function outsideCompose(environment: Environment): string | undefined {
  const processes = environment.instances.filter((i) => i.workload === "Process");
  if (processes.length === 0) return undefined;
  const names = processes.map((i) => text(i.name)).join(", ");
  const one = processes.length === 1;
  return `${names} ${one ? "runs" : "run"} outside Compose, as ${one ? "a process" : "processes"} on the host: nothing here waits for ${one ? "it" : "them"} or holds ${one ? "it" : "them"} back, and the order shows only where ${one ? "it belongs" : "they belong"}.`;
}

export function startupSection(environment: Environment): string | undefined {
  if (environment.instances.length < 2 || !environment.instances.some((i) => i.service.uses.length > 0))
    return undefined;
  if (environment.platform === "kubernetes") return kubernetesStartup(environment);
  const { waves, blocked } = startupOrder(environment);
  const steps = waves.map((wave) => wave.map((i) => text(i.name)).join(", "));
  return blocks(
    environment.platform === "compose" ? COMPOSE_ORDER : HOST_ORDER,
    environment.platform === "compose" && outsideCompose(environment),
    numbered(steps),
    blocked.length > 0 &&
      `Cannot be ordered (dependency cycle): ${blocked.map((i) => text(i.name)).join(", ")}.`,
    fenced("mermaid", mermaidStartupSequence(environment)),
  );
}
