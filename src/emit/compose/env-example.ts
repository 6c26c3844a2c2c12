/** `.env.example`: every variable the compose file needs from outside, with a placeholder and a comment. */
import { variablesIn } from "../../import/compose/interpolate.js";
import type { Environment, Model } from "../../model/types.js";
import { generatedHeader } from "../generated-file.js";
import { containerInstances } from "../runtime/platform.js";
import { emittedEnv, secretVariable } from "../runtime/secrets.js";
import { emittedBuildArgs } from "./build-args.js";

export function envExample(model: Model, environment: Environment, source: string): string {
  const users = new Map<string, Set<string>>();
  for (const instance of containerInstances(environment)) {
    for (const variable of emittedEnv(instance)) {
      if (variable.value.kind !== "secret") continue;
      const secret = variable.value.secret;
      users.set(secret, (users.get(secret) ?? new Set()).add(instance.id));
    }
  }
  const builds = new Map<string, Set<string>>();
  for (const instance of containerInstances(environment)) {
    const build = instance.service.build;
    for (const variable of build ? emittedBuildArgs(build).variables : [])
      builds.set(variable, (builds.get(variable) ?? new Set()).add(instance.service.id));
  }
  // Each variable is listed once: one a secret is read from and a build takes too is the secret's.
  const buildsOf = (variable: string) => {
    const services = builds.get(variable);
    builds.delete(variable);
    return services ? `; a build argument of ${[...services].sort().join(", ")}` : "";
  };
  const listed = new Set<string>();
  const lines = [
    generatedHeader("hash", source).trimEnd(),
    "# Copy to .env and fill in; never commit .env.",
    "",
  ];
  for (const secret of [...users.keys()].sort()) {
    const declared = model.secrets.find((s) => s.id === secret);
    const description = declared?.description ?? secret;
    const variable = secretVariable(model, secret);
    if (listed.has(variable)) continue;
    listed.add(variable);
    lines.push(
      `# ${description.replace(/\n/g, " ")} — used by ${[...users.get(secret)!].sort().join(", ")}${buildsOf(variable)}`,
    );
    if (declared?.source) lines.push(`# Source: ${declared.source.replace(/\n/g, " ")}`);
    lines.push(`${variable}=change-me`, "");
  }
  for (const variable of [...builds.keys()].sort()) {
    listed.add(variable);
    lines.push(
      `# Build argument of ${[...builds.get(variable)!].sort().join(", ")}, set where the image is built`,
    );
    lines.push(`${variable}=change-me`, "");
  }
  // An image written with variables (an imported compose file's) is filled in by Compose from .env.
  const images = new Map<string, { fallback?: string; services: Set<string> }>();
  for (const instance of containerInstances(environment)) {
    for (const { name, fallback } of variablesIn(instance.image ?? "")) {
      const entry = images.get(name) ?? {
        ...(fallback === undefined ? {} : { fallback }),
        services: new Set(),
      };
      entry.services.add(instance.service.id);
      images.set(name, entry);
    }
  }
  for (const variable of [...images.keys()].filter((name) => !listed.has(name)).sort()) {
    const { fallback, services } = images.get(variable)!;
    lines.push(
      `# In the image of ${[...services].sort().join(", ")}${fallback === undefined ? "" : `; ${fallback} when unset`}`,
    );
    lines.push(fallback === undefined ? `${variable}=change-me` : `# ${variable}=${fallback}`, "");
  }
  if (users.size === 0 && builds.size === 0 && images.size === 0)
    lines.push("# This environment needs no variables from outside.", "");
  return `${lines.join("\n").trimEnd()}\n`;
}
