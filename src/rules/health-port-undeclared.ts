import { probedPorts } from "../model/probed-ports.js";
import type { Instance, PublishedPort, Service } from "../model/types.js";
import { reportImported } from "./from-analyses.js";
import { numberWrittenWithin, undeclaredPortHint } from "./port-places.js";
import type { Rule, RuleContext } from "./rule.js";

export const healthPortUndeclared: Rule = {
  id: "health-port-undeclared",
  severity: "error",
  description: `A health check is aimed at a port the service does not declare.`,
  why: `The probe knocks on a door nobody opens: the service is reported down while it works. A check that runs in the container and knocks on the port published on the host (8080 of 8080:80) is the common case: inside the container nothing listens there. In Kubernetes manifests it is a warning: the kubelet probes the pod on any port, declared or not, so the probe may work and the port is only left out of the container's list.`,
  fix: `Aim it at a declared port, or declare the port; a check run in the container probes the container's port (80 of 8080:80).`,
  example: {
    bad: `ports: { http: 8080 }
health: { tcp: 9090 }`,
    good: `ports: { http: 8080 }
health: { tcp: http }`,
  },
  check(context) {
    // From manifests, every probe of every container is found where it is written (probe-findings.ts).
    reportImported(context, "health-port-undeclared");
    if (context.model.readFrom === "kubernetes") return;
    for (const service of context.model.services) {
      const health = service.health;
      // An HTTP check with no port probes the service's first, and no command of its own runs instead.
      if (health?.type === "http" && !health.port && !health.command) {
        context.report(
          health.at,
          `the HTTP health check of '${service.id}' names no port, and '${service.id}' declares none to probe`,
          `add the port it listens on to its ports (ports: { http: 8080 }), or name it in the check (port: 8080)`,
        );
        continue;
      }
      const port = health?.port;
      if (!port || service.ports.includes(port)) continue;
      context.report(
        numberWrittenWithin(context.sources, service.health!.portAt ?? service.health!.at, port.port),
        `the health check of '${service.id}' probes port ${port.port}, which it does not declare`,
        undeclaredPortHint(service, port.port, "probe", " if it listens there"),
      );
    }
    reportHostPortProbes(context);
  },
};

/**
 * Command checks that knock on a host port the service publishes to another port of its own. Only
 * that case is certain: a service may well listen on ports it neither publishes nor exposes.
 */
function reportHostPortProbes(context: RuleContext): void {
  const instances = new Map<Service, Instance[]>();
  for (const environment of context.model.environments)
    for (const instance of environment.instances) {
      const list = instances.get(instance.service);
      if (list) list.push(instance);
      else instances.set(instance.service, [instance]);
    }
  for (const [service, placed] of instances) {
    const command = service.health?.command;
    // On the host's network the container listens on the host's ports itself.
    if (!command || service.hostNamespaces.some((shared) => shared.namespace === "network")) continue;
    const own = new Set(service.ports.map((p) => p.port));
    // Host ports that are not the service's own: most services publish none, and the command is not read.
    const hostOnly = new Map<number, PublishedPort>();
    for (const instance of placed)
      for (const p of instance.publish)
        if (p.host !== undefined && !own.has(p.host) && !hostOnly.has(p.host)) hostOnly.set(p.host, p);
    if (hostOnly.size === 0) continue;
    for (const probed of probedPorts(command)) {
      const published = hostOnly.get(probed);
      if (!published) continue;
      context.report(
        numberWrittenWithin(context.sources, service.health!.commandAt ?? service.health!.at, probed),
        `the health check of '${service.id}' probes port ${probed} in its container, but ${probed} is the host's port, published to its port ${published.port.port}`,
        `probe port ${published.port.port}, where the service listens in its container`,
      );
    }
  }
}
