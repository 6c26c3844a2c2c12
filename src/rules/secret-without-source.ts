import { suggestion } from "../model/suggest.js";
import type { EnvVar } from "../model/types.js";
import type { Rule } from "./rule.js";

export const secretWithoutSource: Rule = {
  id: "secret-without-source",
  severity: "error",
  description: `A secret is referenced but not declared under secrets.`,
  why: `Nobody can tell where its value comes from, so deployments fail or someone pastes it in plain text.`,
  fix: `Declare it under secrets with its source.`,
  example: {
    bad: `env: { DB_PASSWORD: { secret: db-password } }  # no secrets: section`,
    good: `secrets: { db-password: { source: vault } }`,
  },
  check(context) {
    const { model } = context;
    const declared = new Set(model.secrets.map((secret) => secret.id));
    // Each variable once: an instance's env holds its service's variables as they are.
    const seen = new Set<EnvVar>();
    const variables = [
      ...model.services.flatMap((service) => service.env),
      ...model.environments.flatMap((environment) => environment.instances.flatMap((i) => i.env)),
    ];
    for (const variable of variables) {
      if (seen.has(variable)) continue;
      seen.add(variable);
      const { value } = variable;
      if (value.kind !== "secret" || declared.has(value.secret)) continue;
      // A name close to a declared one is a slip of the pen, more likely than a secret never declared.
      const near = declared.size > 0 ? suggestion(value.secret, declared, "secret") : "";
      context.report(
        variable.at,
        `secret '${value.secret}' is not declared under secrets`,
        near.startsWith("did you mean")
          ? near
          : `add secrets: { ${value.secret}: { source: … } } to the model`,
      );
    }
  },
};
