import { hostPortText, publishedOnText, publishesInNetworkMode } from "../model/published.js";
import type { Rule } from "./rule.js";

export const portOnAllInterfaces: Rule = {
  id: "port-on-all-interfaces",
  severity: "warning",
  optIn: true,
  description: `A port is published without an address, so on every interface of a Compose host.`,
  why: `Docker publishes a port without an address on all of the host's interfaces, public ones included, and writes its own firewall rules ahead of the host's: a port meant for a reverse proxy or a VPN is reachable from anywhere the host is. Datastores are reported in any case (exposed-datastore); this rule asks it of every port, as dclint's no-unbound-port-interfaces does.`,
  fix: `Publish each port on the address that should receive it (127.0.0.1 behind a proxy on the same host, the private interface's address), or write 0.0.0.0 where every interface is meant: the choice is then the file's, not Docker's default.`,
  example: {
    bad: `run: { api: { publish: { http: 8080 } } }`,
    good: `run: { api: { publish: { http: { host: 8080, bind: 127.0.0.1 } } } }`,
  },
  check(context) {
    for (const environment of context.model.environments) {
      if (environment.platform !== "compose") continue;
      // Without an address, the model's own Compose binds a local environment to localhost.
      if (environment.access.scope === "local") continue;
      for (const instance of environment.instances) {
        // On the host's network Docker discards what is published (host-namespace reports it), in
        // another's it refuses it (compose-conflicting-keys), and with none there is no network.
        if (!publishesInNetworkMode(instance.service.networkMode)) continue;
        for (const port of instance.publish) {
          if (port.bind !== undefined) continue;
          // A pool (8000-8005:80) is named whole: the container takes any free port of it.
          const host = port.host === undefined ? "" : hostPortText(port);
          context.report(
            port.at,
            `'${instance.id}' is published on ${publishedOnText(port)} with no address, so on every interface of the host`,
            `bind it to the address that should receive it, as 127.0.0.1:${host ? `${host}:` : ":"}${port.port.port} in Compose or bind: 127.0.0.1 in the model; write 0.0.0.0 where every interface is meant`,
          );
        }
      }
    }
  },
};
