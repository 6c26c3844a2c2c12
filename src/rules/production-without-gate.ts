import { isProduction, type Rule } from "./rule.js";

export const productionWithoutGate: Rule = {
  id: "production-without-gate",
  severity: "warning",
  description: `A production environment has no promotion gate leading to it.`,
  why: `Without a stated gate, anything can be deployed to production at any time.`,
  fix: `Add promotes-to: { production: <the condition> } to the environment before it.`,
  example: {
    bad: `staging: { platform: kubernetes }`,
    good: `staging: { platform: kubernetes, promotes-to: { production: all acceptance tests pass } }`,
  },
  check(context) {
    const environments = context.model.environments;
    // Promotion gates are the model's to state; compose files and manifests have none.
    if (environments.length < 2 || context.model.readFrom !== undefined) return;
    // A gate an environment states to itself gates nothing.
    const gated = new Set(
      environments.flatMap((e) => e.promotesTo.map((p) => p.environment).filter((to) => to !== e.id)),
    );
    for (const environment of environments.filter(isProduction)) {
      if (!gated.has(environment.id))
        context.report(
          environment.at,
          `nothing gates deployment to '${environment.id}'`,
          "add promotes-to to the environment before it",
        );
    }
  },
};
