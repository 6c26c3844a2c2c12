import { secretLike } from "../model/secret-like.js";
import type { Model, Service } from "../model/types.js";
import { wholeReference } from "../model/variable-reference.js";
import { byPlace, named } from "./by-place.js";
import { defaultedVariable } from "./defaulted-variable.js";
import { reportImported } from "./from-analyses.js";
import { inNamedEnvironment, isDevelopment, type Rule, type RuleContext } from "./rule.js";

const placeOf = (at: { file?: string; start?: number }) => `${at.file}:${at.start}`;

interface Found {
  at: Service["at"];
  subject: { name: string; reason: string; hint: string };
  service: string;
}

const ENVIRONMENT_HINTS = {
  model: () => "reference a secret instead: { secret: name }",
  compose: (name: string) =>
    `take it from the environment Compose runs in (${name}: \${${name}}, set in .env), or from a secret file (${name}_FILE: /run/secrets/…) where the image reads one`,
  kubernetes: () => "read it from a Secret: valueFrom: { secretKeyRef: { name: …, key: … } }",
};

/**
 * Plain variables that look secret; not those found where they are written already (`found`): a
 * manifest's ConfigMap value, which the importer reports with what to do about a ConfigMap.
 */
function inEnvironment(
  service: Service,
  readFrom: Model["readFrom"],
  found: ReadonlySet<string>,
  sources: ReadonlyMap<string, string> | undefined,
): Found[] {
  return service.env.flatMap((variable) => {
    if (variable.value.kind !== "plain" || variable.value.value === "") return [];
    const reason = secretLike(variable.name, variable.value.value);
    // Only now: reading a variable's place finds it in its file, which every variable would pay for.
    if (!reason || (found.size > 0 && found.has(placeOf(variable.at)))) return [];
    const at = variable.valueAt ?? variable.at;
    const defaulted = readFrom === "compose" ? defaultedVariable(at, sources) : undefined;
    const hint = defaulted
      ? `leave the default out (\${${defaulted}:?set ${defaulted}}), and set the value in .env or the environment`
      : ENVIRONMENT_HINTS[readFrom ?? "model"](variable.name);
    return [{ at, subject: { name: `'${variable.name}'`, reason, hint }, service: service.id }];
  });
}

/** Build arguments stay in the image's history for anyone who pulls it; a variable is passed through. */
function inBuildArguments(service: Service, readFrom: Model["readFrom"]): Found[] {
  // A model's build has no secrets to name: the Dockerfile's mount is what is left to say.
  const buildSecret =
    readFrom === "compose"
      ? "build: { secrets: [...] }, RUN --mount=type=secret"
      : "RUN --mount=type=secret in the Dockerfile";
  return (service.build?.args ?? []).flatMap((arg) => {
    if (arg.value === "" || wholeReference(arg.value)) return [];
    const reason = secretLike(arg.name, arg.value);
    const hint = `pass it as a build secret (${buildSecret}), or as \${${arg.name}} from the environment`;
    const name = `the build argument '${arg.name}'`;
    return reason ? [{ at: arg.at, subject: { name, reason, hint }, service: service.id }] : [];
  });
}

/** Values an instance gives its variables in one environment (run: { api: { env: … } }). */
function reportOverrides(context: RuleContext): void {
  for (const environment of context.model.environments) {
    const lower = isDevelopment(environment);
    for (const instance of environment.instances) {
      const inherited = new Set(instance.service.env);
      for (const variable of instance.env) {
        if (inherited.has(variable) || variable.value.kind !== "plain" || variable.value.value === "")
          continue;
        const reason = secretLike(variable.name, variable.value.value);
        if (!reason) continue;
        context.report(
          variable.valueAt ?? variable.at,
          `'${variable.name}' of '${instance.id}'${inNamedEnvironment(context.model, environment)} ${reason} in plain text${lower ? " (development only)" : ""}`,
          ENVIRONMENT_HINTS.model(),
          { lower },
        );
      }
    }
  }
}

export const plaintextSecret: Rule = {
  id: "plaintext-secret",
  severity: "error",
  description: `A variable, a build argument, a label or a config written into a compose file, or a Kubernetes Secret's values written into its manifest or a kustomize secretGenerator's literals, hold what looks like a password, token, key or credentials in plain text.`,
  why: `Plain-text secrets end up in git, documents and logs; anyone who reads them owns the system. In a service that runs only in development environments the finding is a warning. A Secret's data is base64, an encoding anyone reverses, not encryption: a Secret committed with its values is a secret in plain text, reported once, at its first value. Values that hold nothing yet are passed over: empty ones (a service-account token the cluster fills in), references filled in at deploy time (\${DB_PASSWORD}, $(TOKEN), {{ .Values.password }}), markers such as <password>, REPLACE_ME or changeme, and certificates (a TLS Secret's tls.crt), which are public. A secretGenerator's files and env files are not read: they may be kept out of the repository.`,
  fix: `Declare the secret under secrets and reference it with { secret: name }. In a compose file, refer to a variable instead (\${DB_PASSWORD}, set in .env): deployview reads that as a secret the environment supplies and never takes its value; a default written beside it (\${DB_PASSWORD:-changeme}) is as plain as any other text in the file. Keep a Kubernetes Secret out of the repository: commit it sealed (SealedSecrets) or encrypted (SOPS), fetch it from a secret store (External Secrets Operator), or create it at deploy time; generate it from files kept out of version control rather than from literals.`,
  example: {
    bad: `env: { MINIO_ROOT_PASSWORD: adminadmin }`,
    good: `env: { MINIO_ROOT_PASSWORD: { secret: minio-root-password } }`,
  },
  check(context) {
    reportImported(context, "plaintext-secret");
    const imported = new Set(
      (context.model.importFindings ?? []).filter((d) => d.code === "plaintext-secret").map(placeOf),
    );
    // Throwaway credentials of a local development setup are a smell, not a leak. Found by a walk over
    // every instance, not a search per service: a file of thousands of services must not take minutes.
    const inOther = new Set<string>();
    const inDevelopment = new Set<string>();
    for (const environment of context.model.environments) {
      const into = isDevelopment(environment) ? inDevelopment : inOther;
      for (const instance of environment.instances) into.add(instance.service.id);
    }
    const developmentOnly = (id: string) => inDevelopment.has(id) && !inOther.has(id);
    const found = context.model.services.flatMap((service) => [
      ...inEnvironment(service, context.model.readFrom, imported, context.sources),
      ...inBuildArguments(service, context.model.readFrom),
    ]);
    // Services that take their variables from one anchor share the finding there.
    for (const { at, subject, services } of byPlace(found, (s) => s.name)) {
      const lower = services.every(developmentOnly);
      context.report(
        at,
        `${subject.name} of ${named(services)} ${subject.reason} in plain text${lower ? " (development only)" : ""}`,
        subject.hint,
        { lower },
      );
    }
    reportOverrides(context);
  },
};
