import type { SourceRange } from "../diagnostics.js";
import type { Rule } from "./rule.js";

export const duplicateNames: Rule = {
  id: "duplicate-names",
  severity: "warning",
  description: `Two services, two environments, or two nodes or instances of one environment, share a display name.`,
  why: `Diagrams and tables show two things that readers cannot tell apart.`,
  fix: `Give each a distinct name.`,
  example: {
    bad: `a: { name: API }
b: { name: API }`,
    good: `a: { name: Public API }
b: { name: Admin API }`,
  },
  check(context) {
    const report = (what: string, at: SourceRange, id: string, earlier: string, name: string) =>
      context.report(
        at,
        `${what}'${id}' has the same name as '${earlier}': ${name}`,
        "give each its own name: the document and the diagrams show names, and two alike read as one",
      );
    const byName = new Map<string, string>();
    for (const service of context.model.services) {
      const earlier = byName.get(service.name);
      if (earlier) report("", service.nameAt ?? service.at, service.id, earlier, service.name);
      else byName.set(service.name, service.id);
    }
    // An environment unnamed is named after its id: staging is Staging, which another may be named too.
    const environments = new Map<string, string>();
    for (const environment of context.model.environments) {
      const earlier = environments.get(environment.name);
      if (earlier)
        report(
          "environment ",
          environment.nameAt ?? environment.at,
          environment.id,
          earlier,
          environment.name,
        );
      else environments.set(environment.name, environment.id);
    }
    for (const environment of context.model.environments) {
      const nodes = new Map<string, string>();
      for (const node of environment.allNodes) {
        const earlier = nodes.get(node.name);
        if (earlier && node.name !== node.id)
          context.report(
            node.nameAt ?? node.at,
            `node '${node.id}' has the same name as '${earlier}' in '${environment.id}': ${node.name}`,
            "give each its own name: the diagrams show names, and two alike read as one",
          );
        else nodes.set(node.name, node.id);
      }
      // Instances too, where one is named: two that take their services' names are said of the services.
      const instances = new Map<string, string>();
      for (const instance of environment.instances) {
        const earlier = instances.get(instance.name);
        const ownName = instance.id !== instance.service.id || instance.name !== instance.service.name;
        if (earlier && ownName)
          context.report(
            instance.at,
            `instance '${instance.id}' has the same name as '${earlier}' in '${environment.id}': ${instance.name}`,
            "give each its own name: the diagrams show names, and two alike read as one",
          );
        else if (!earlier) instances.set(instance.name, instance.id);
      }
    }
  },
};
