import { inWords } from "../collections.js";
import type { RelatedLocation, SourceRange } from "../diagnostics.js";
import type { Rule } from "./rule.js";

/** One missing service, seen from one use, route or variable, in the environments that leave it out. */
interface Missing {
  at: SourceRange;
  message: (environments: string) => string;
  hint: (environments: string) => string;
  environments: string[];
  related: RelatedLocation[];
}

export const usedServiceNotDeployed: Rule = {
  id: "used-service-not-deployed",
  severity: "warning",
  description: `An instance needs a service that its environment does not run.`,
  why: `The instance starts and then fails on its first call.`,
  fix: `Place the used service in the environment, or make the relation optional.`,
  example: { bad: `uses: { db: SQL }  # no db in this environment`, good: `run: [api, db]` },
  check(context) {
    // A use is written once, in the service: the environments and instances that leave its service
    // out are named in one finding, where one came for each of them.
    const missing = new Map<object, Missing>();
    const note = (
      written: object,
      environment: string,
      build: () => Omit<Missing, "environments" | "related">,
      related?: RelatedLocation,
    ) => {
      const found = missing.get(written) ?? { ...build(), environments: [], related: [] };
      if (!found.environments.includes(environment)) found.environments.push(environment);
      if (related) found.related.push(related);
      missing.set(written, found);
    };
    for (const environment of context.model.environments) {
      const here = new Set(environment.instances.map((i) => i.service.id));
      for (const instance of environment.instances) {
        for (const use of instance.service.uses) {
          if (use.optional || here.has(use.target)) continue;
          note(
            use,
            environment.id,
            () => ({
              at: use.at,
              message: (where) => `'${instance.id}' uses '${use.target}', which ${where}`,
              hint: (names) =>
                `run '${use.target}' in ${names} too, or mark the use optional (uses: { ${use.target}: { optional: true } }) if '${instance.id}' works without it`,
            }),
            // The range is found when read: copied field by field, as spreading it copies nothing.
            {
              file: instance.at.file,
              start: instance.at.start,
              end: instance.at.end,
              message: `'${instance.id}' runs in '${environment.id}' here`,
            },
          );
        }
        // A proxy that routes to a service sends it requests (nginx will not even start without it).
        for (const route of instance.service.routes) {
          if (here.has(route.target)) continue;
          note(route, environment.id, () => ({
            at: route.at,
            message: (where) =>
              `route ${route.path} of '${instance.id}' goes to '${route.target}', which ${where}`,
            hint: (names) =>
              `run '${route.target}' in ${names} too, or route ${route.path} to a service it runs`,
          }));
        }
        for (const variable of instance.env) {
          const value = variable.value;
          if (value.kind !== "endpoint" || here.has(value.service)) continue;
          note(variable.at, environment.id, () => ({
            at: variable.at,
            message: (where) => `'${variable.name}' points at '${value.service}', which ${where}`,
            hint: (names) =>
              `run '${value.service}' in ${names} too, or point '${variable.name}' at a service it runs`,
          }));
        }
      }
    }
    for (const found of missing.values()) {
      const names = inWords(found.environments.map((id) => `'${id}'`));
      const where = `${names} ${found.environments.length > 1 ? "do" : "does"} not run`;
      context.report(
        found.at,
        found.message(where),
        found.hint(names),
        found.related.length > 0 ? { related: found.related } : undefined,
      );
    }
  },
};
