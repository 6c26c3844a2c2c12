import { secretLike } from "../analyze/secret-like.js";

import type { Rule } from "./rule.js";

export const plaintextSecret: Rule = {
  id: "plaintext-secret",
  severity: "error",
  description: `A variable holds what looks like a password, token, key or credentials in plain text.`,
  why: `Plain-text secrets end up in git, documents and logs; anyone who reads them owns the system.`,
  fix: `Declare the secret under secrets and reference it with { secret: name }.`,
  example: {
    bad: `env: { MINIO_ROOT_PASSWORD: adminadmin }`,
    good: `env: { MINIO_ROOT_PASSWORD: { secret: minio-root-password } }`,
  },
  check(context) {
    for (const service of context.model.services) {
      for (const variable of service.env) {
        if (variable.value.kind !== "plain" || variable.value.value === "") continue;
        const reason = secretLike(variable.name, variable.value.value);
        if (reason)
          context.report(
            variable.at,
            `'${variable.name}' of '${service.id}' ${reason} in plain text`,
            "reference a secret instead: { secret: name }",
          );
      }
    }
  },
};
