import { publishedOnText } from "../model/published.js";
import { inNamedEnvironment, isDevelopment, type Rule } from "./rule.js";

const datastoreKinds = new Set(["database", "cache", "broker", "queue", "storage", "search"]);

/**
 * Whether an address reaches this host only: all of 127.0.0.0/8, also mapped into IPv6
 * (::ffff:127.0.0.1), ::1 however its zeros are written (written [::1] in Compose) and localhost.
 */
function isLoopback(address: string): boolean {
  return /^(?:(?:\[?::ffff:)?127(?:\.\d{1,3}){3}\]?|\[?(?:0{0,4}:){1,7}:?0{0,3}1\]?|localhost)$/i.test(
    address,
  );
}

/** Where a port bound to `address` is open: every interface for the unspecified address, of either family. */
function addressText(address: string): string {
  return address === "0.0.0.0" || address === "::" || address === "[::]"
    ? "on every interface of the host"
    : `at ${address}, which reaches beyond this host`;
}

export const exposedDatastore: Rule = {
  id: "exposed-datastore",
  severity: "error",
  description: `A database, cache or broker port is published beyond localhost, or it is on the host's network, outside development.`,
  why: `Datastores trust their network; published to the world they are found and emptied within hours.`,
  fix: `Do not publish it, or bind it to 127.0.0.1.`,
  example: { bad: `run: { db: { publish: [postgres] } }  # in production`, good: `run: { db: }` },
  check(context) {
    for (const environment of context.model.environments) {
      if (isDevelopment(environment)) continue;
      for (const instance of environment.instances) {
        if (!datastoreKinds.has(instance.service.kind)) continue;
        // On the host's network nothing is published: every port it listens on is on the host's
        // interfaces (what it publishes is discarded, which host-namespace reports).
        const hostNetwork = instance.service.hostNamespaces.find((shared) => shared.namespace === "network");
        if (hostNetwork) {
          if (environment.access.scope !== "local")
            context.report(
              hostNetwork.at,
              `${instance.service.kind} '${instance.id}' is on the host's network, so every port it listens on is open on the host's interfaces${inNamedEnvironment(context.model, environment)}`,
              "leave the host's network and keep the datastore on the internal one, or publish its port bound to 127.0.0.1",
            );
          continue;
        }
        for (const port of instance.publish) {
          const bind = port.bind ?? (environment.access.scope === "local" ? "127.0.0.1" : "0.0.0.0");
          if (isLoopback(bind)) continue;
          // A Service of the cluster is published on no address of its own: said as it is.
          const where = context.model.readFrom === "kubernetes" ? "" : ` ${addressText(bind)}`;
          context.report(
            port.at,
            `${instance.service.kind} '${instance.id}' is published on ${publishedOnText(port)}${where}${inNamedEnvironment(context.model, environment)}`,
            // From manifests a port is published by a LoadBalancer or NodePort Service, bound to no address.
            context.model.readFrom === "kubernetes"
              ? "make the Service a ClusterIP one (leave type out), and reach the datastore from inside the cluster"
              : "keep datastores on the internal network, or bind to 127.0.0.1",
          );
        }
      }
    }
  },
};
