import type { Rule } from "./rule.js";

export const usedServiceNotDeployed: Rule = {
  id: "used-service-not-deployed",
  severity: "warning",
  description: `An instance needs a service that its environment does not run.`,
  why: `The instance starts and then fails on its first call.`,
  fix: `Place the used service in the environment, or make the relation optional.`,
  example: { bad: `uses: { db: SQL }  # no db in this environment`, good: `run: [api, db]` },
  check(context) {
    for (const environment of context.model.environments) {
      const here = new Set(environment.instances.map((i) => i.service.id));
      for (const instance of environment.instances) {
        for (const use of instance.service.uses) {
          if (use.optional || here.has(use.target)) continue;
          context.report(
            use.at,
            `'${instance.id}' uses '${use.target}', which '${environment.id}' does not run`,
            `run '${use.target}' in '${environment.id}' too, or mark the use optional (uses: { ${use.target}: { optional: true } }) if '${instance.id}' works without it`,
            {
              // The range is found when read: copied field by field, as spreading it copies nothing.
              related: [
                {
                  file: instance.at.file,
                  start: instance.at.start,
                  end: instance.at.end,
                  message: `'${instance.id}' runs in '${environment.id}' here`,
                },
              ],
            },
          );
        }
        // A proxy that routes to a service sends it requests (nginx will not even start without it).
        for (const route of instance.service.routes) {
          if (here.has(route.target)) continue;
          context.report(
            route.at,
            `route ${route.path} of '${instance.id}' goes to '${route.target}', which '${environment.id}' does not run`,
            `run '${route.target}' in '${environment.id}' too, or route ${route.path} to a service it runs`,
          );
        }
        for (const variable of instance.env) {
          if (variable.value.kind === "endpoint" && !here.has(variable.value.service)) {
            context.report(
              variable.at,
              `'${variable.name}' points at '${variable.value.service}', which '${environment.id}' does not run`,
              `run '${variable.value.service}' in '${environment.id}' too, or point '${variable.name}' at a service it runs`,
            );
          }
        }
      }
    }
  },
};
