import { secretLike } from "../model/secret-like.js";

import { byPlace, named } from "./by-place.js";
import { isDevelopment, type Rule } from "./rule.js";

export const plaintextSecret: Rule = {
  id: "plaintext-secret",
  severity: "error",
  description: `A variable holds what looks like a password, token, key or credentials in plain text.`,
  why: `Plain-text secrets end up in git, documents and logs; anyone who reads them owns the system. In a service that runs only in development environments the finding is a warning.`,
  fix: `Declare the secret under secrets and reference it with { secret: name }. In a compose file, refer to a variable instead (\${DB_PASSWORD}, set in .env): deployview reads that as a secret the environment supplies and never takes its value; a default written beside it (\${DB_PASSWORD:-changeme}) is as plain as any other text in the file.`,
  example: {
    bad: `env: { MINIO_ROOT_PASSWORD: adminadmin }`,
    good: `env: { MINIO_ROOT_PASSWORD: { secret: minio-root-password } }`,
  },
  check(context) {
    // Throwaway credentials of a local development setup are a smell, not a leak.
    const developmentOnly = new Set(
      context.model.services
        .filter((service) => {
          const runsIn = context.model.environments.filter((e) =>
            e.instances.some((i) => i.service === service),
          );
          return runsIn.length > 0 && runsIn.every(isDevelopment);
        })
        .map((service) => service.id),
    );
    const found = context.model.services.flatMap((service) =>
      service.env.flatMap((variable) => {
        if (variable.value.kind !== "plain" || variable.value.value === "") return [];
        const reason = secretLike(variable.name, variable.value.value);
        return reason
          ? [{ at: variable.at, subject: { name: variable.name, reason }, service: service.id }]
          : [];
      }),
    );
    // Services that take their variables from one anchor share the finding there.
    for (const { at, subject, services } of byPlace(found, (s) => s.name)) {
      const lower = services.every((id) => developmentOnly.has(id));
      context.report(
        at,
        `'${subject.name}' of ${named(services)} ${subject.reason} in plain text${lower ? " (development only)" : ""}`,
        "reference a secret instead: { secret: name }",
        { lower },
      );
    }
  },
};
