import { namesTls, statesTls } from "../model/tls.js";
import { reportImported } from "./from-analyses.js";
import { inNamedEnvironment, isDevelopment, type Rule } from "./rule.js";

export const ingressWithoutTls: Rule = {
  id: "ingress-without-tls",
  severity: "error",
  description: `A public environment has an ingress, or a proxy with routes, and states TLS neither for the environment nor for that node; or an Ingress manifest's tls leaves out some of the hosts it routes.`,
  why: `Traffic, passwords and sessions travel in clear text. An Ingress's tls covers only the hosts its entries list: the controller serves every other host of its rules over plain HTTP, or with a certificate for another name.`,
  fix: `State TLS under the environment's infrastructure: { TLS: cert-manager with Let's Encrypt }, or in the node's properties; in manifests, give the Ingress spec.tls, and add each host its rules route to the hosts of a tls entry, with a Secret whose certificate covers it.`,
  example: {
    bad: `# an Ingress
spec:
  tls: [{ hosts: [shop.example.com], secretName: shop-tls }]
  rules:
    - host: shop.example.com
    - host: api.example.com   # not in tls: plain HTTP`,
    good: `spec:
  tls: [{ hosts: [shop.example.com, api.example.com], secretName: shop-tls }]
  rules:
    - host: shop.example.com
    - host: api.example.com

# or, in a model: infrastructure: { TLS: cert-manager with Let's Encrypt }`,
  },
  check(context) {
    if (context.model.readFrom === "kubernetes") {
      // From manifests, each Ingress found where its tls is to be written (ingress.ts): its spec,
      // or the hosts its tls leaves out. Manifests make one environment, public where they have one.
      const [environment] = context.model.environments;
      if (environment && !isDevelopment(environment)) reportImported(context, "ingress-without-tls");
      return;
    }
    for (const environment of context.model.environments) {
      if (environment.access.scope !== "public" || isDevelopment(environment)) continue;
      // An ingress is a way in even when none of its backends leads anywhere this model knows.
      const entries = environment.allNodes.filter((n) => n.routes.length > 0 || n.kind === "ingress");
      // TLS as the Ingress generator reads it, so that what passes here gets its tls: there.
      for (const node of entries.filter((n) => !statesTls(environment, n))) {
        // A property that denies TLS (TLS: none) is where to state it, and says why there is none.
        const denial = node.properties.find((p) => namesTls(p.key));
        context.report(
          node.tlsAt ?? node.at,
          `'${node.id}'${node.name === node.id ? "" : ` (${node.name})`} routes public traffic${inNamedEnvironment(context.model, environment)}, which states no TLS${denial ? ` (${denial.key}: ${denial.value})` : ""}`,
          "state TLS: infrastructure: { TLS: … } in the model, spec.tls in an Ingress manifest",
        );
      }
    }
  },
};
