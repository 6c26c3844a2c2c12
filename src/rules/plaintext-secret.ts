/** Why a variable looks like a secret, or undefined. */
function secretLike(name: string, value: string): string | undefined {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(value)) return "holds a private key";
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i.test(value)) return "holds a URL with credentials";
  if (
    /(PASSW(OR)?D|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL|ACCESS_?KEY)/i.test(name) &&
    !/^\$\{/.test(value)
  ) {
    return "holds what looks like a secret";
  }
  return undefined;
}

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
