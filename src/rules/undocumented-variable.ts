import type { Rule } from "./rule.js";

export const undocumentedVariable: Rule = {
  id: "undocumented-variable",
  severity: "warning",
  description: `A compose file uses a variable (\${VAR}) with no default that the example environment file beside it does not list; one that is not set either is reported once, as compose-unset-variable (compose-required-variable where it is written \${VAR:?}), which says both.`,
  why: `Whoever sets the system up copies .env.example to .env; a variable missing there is found only when a service fails to start, or silently runs with an empty value.`,
  fix: `Add the variable to .env.example, with a safe example value or empty, and a comment saying what it is.`,
  example: {
    bad: `compose.yaml: image: "shop/api:\${API_TAG}"   .env.example: (no API_TAG)`,
    good: `.env.example: API_TAG=1.4.2`,
  },
  check(context) {
    for (const variable of context.model.variables ?? []) {
      // One not set either is reported where it is used as such, the finding saying both.
      if (variable.example === undefined || variable.documented || variable.optional || variable.unset)
        continue;
      context.report(
        variable.at,
        `\${${variable.name}} is used here but not listed in ${variable.example.split(/[\\/]/).pop()}`,
        `add ${variable.name}= to it`,
      );
    }
  },
};
