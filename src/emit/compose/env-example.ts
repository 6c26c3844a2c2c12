/** `.env.example`: every variable the compose file needs from outside, with a placeholder and a comment. */
import { variablesIn } from "../../import/compose/interpolate.js";
import { commandLine } from "../../model/container-risks.js";
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
  // Variables written as they are, which Compose fills in from .env: in an image (an imported
  // compose file's), a command or a health check's command (the model passes both through).
  const written = writtenVariables(environment);
  for (const variable of [...written.keys()].filter((name) => !listed.has(name)).sort()) {
    const { fallback, passedOnly, places } = written.get(variable)!;
    const where = [...places]
      .map(([place, services]) => `the ${place} of ${[...services].sort().join(", ")}`)
      .join("; ");
    // With a fallback or only passed on, it may stay unset: commented out, as an example.
    if (fallback !== undefined)
      lines.push(`# In ${where}; ${fallback} when unset`, `# ${variable}=${fallback}`);
    else if (passedOnly) lines.push(`# In ${where}; may be left unset`, `# ${variable}=`);
    else lines.push(`# In ${where}`, `${variable}=change-me`);
    lines.push("");
  }
  if (users.size === 0 && builds.size === 0 && written.size === 0)
    lines.push("# This environment needs no variables from outside.", "");
  return `${lines.join("\n").trimEnd()}\n`;
}

interface Written {
  fallback?: string;
  /** Only passed on to containers as it is (a variable with no value), which may leave it unset. */
  passedOnly: boolean;
  /** Where it is written ("image", "command", "health check", "environment"), by the services that write it there. */
  places: Map<string, Set<string>>;
}

/** The variables the compose file writes for Compose to fill in, in the order the services write them. */
function writtenVariables(environment: Environment): Map<string, Written> {
  const written = new Map<string, Written>();
  const add = (name: string, place: string, service: string, fallback?: string) => {
    const passedOnly = place === "environment";
    const entry: Written = written.get(name) ?? {
      ...(fallback === undefined ? {} : { fallback }),
      passedOnly,
      places: new Map(),
    };
    // Written as ${NAME} anywhere, Compose needs it (or its fallback), whatever else passes it on.
    entry.passedOnly &&= passedOnly;
    entry.places.set(place, (entry.places.get(place) ?? new Set()).add(service));
    written.set(name, entry);
  };
  const note = (text: string, place: string, service: string) => {
    for (const { name, fallback } of variablesIn(text)) add(name, place, service, fallback);
  };
  for (const instance of containerInstances(environment)) {
    const { service } = instance;
    note(instance.image ?? "", "image", service.id);
    if (service.command !== undefined) note(commandLine(service.command), "command", service.id);
    if (service.health?.command !== undefined)
      note(commandLine(service.health.command), "health check", service.id);
    for (const variable of instance.env)
      if (variable.value.kind === "host") add(variable.name, "environment", service.id);
  }
  return written;
}
