/**
 * The draft model keeps no secret the files wrote in plain text. Each variable whose value looks
 * secret (as the plaintext-secret rule judges it) refers to a secret instead, supplied by the
 * environment variable of its name where the system runs; a build argument, or a secret passed on
 * a command line (as the secret-in-command rule finds it), becomes a reference to such a variable,
 * which Compose fills in. The files still hold the values: `deployview check` reports them there.
 */

import { literalSecrets } from "../../model/container-risks.js";
import type { ServiceInputType } from "../../model/schema.js";
import { secretLike, secretNamedAfter } from "../../model/secret-like.js";
import { inputNodes } from "../input-nodes.js";
import { isObject, type Json } from "../json.js";

export interface MovedSecret {
  /** The model's secret (none is declared for a value only builds take). */
  name: string;
  /** The variable that supplies it where the system runs. */
  variable: string;
  /** The services whose files wrote it in plain text. */
  services: string[];
  /**
   * Only build arguments and command lines took it: they refer to the variable, which Compose fills
   * in, and no secret is declared.
   */
  buildArgument: boolean;
  /** The build arguments that now refer to the variable, by service. */
  arguments: { service: string; argument: string }[];
  /** The command lines that now refer to the variable: a service's command or its health check's. */
  commands: { service: string; path: string[] }[];
}

/** A plain value: text, or the full form's value. */
function plainValue(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (isObject(value) && typeof value.value === "string") return value.value;
  return undefined;
}

/**
 * Replaces, in `services` and the instances of `environments`, every variable and build argument
 * that holds a secret in plain text; declares the secrets in `secrets`. Two services that write one
 * variable with different values get a secret each, named after the second service too.
 */
export function moveSecretsOut(
  services: Record<string, ServiceInputType>,
  environments: Record<string, unknown>,
  secrets: Record<string, unknown>,
): MovedSecret[] {
  const moved = new Map<string, MovedSecret & { value: string }>();
  const names = new Set<string>();
  const claim = (service: string, variable: string, value: string, buildArgument: boolean) => {
    const prefixed = `${service}_${variable}`.toUpperCase().replace(/[^A-Z0-9_]/g, "_");
    for (let n = 0; n < 100; n++) {
      const candidate = n === 0 ? variable : n === 1 ? prefixed : `${prefixed}_${n}`;
      // One variable carries one value, whether to a container or to a build.
      const known = moved.get(candidate);
      const name = secretNamedAfter(candidate);
      const taken = !known && (Object.hasOwn(secrets, name) || names.has(name));
      if (taken || (known && known.value !== value)) continue;
      const entry = known ?? {
        name,
        variable: candidate,
        services: [],
        buildArgument,
        arguments: [],
        commands: [],
        value,
      };
      names.add(name);
      if (!buildArgument) entry.buildArgument = false;
      if (!entry.services.includes(service)) entry.services.push(service);
      moved.set(candidate, entry);
      return entry;
    }
    return undefined;
  };
  const moveEnv = (service: string, env: unknown) => {
    if (!isObject(env)) return;
    for (const [variable, value] of Object.entries(env)) {
      const text = plainValue(value);
      if (text === undefined || !secretLike(variable, text)) continue;
      const entry = claim(service, variable, text, false);
      if (entry) env[variable] = { secret: entry.name };
    }
  };
  /** The command line at `path` of a service, with each secret it passes as it is replaced by a variable. */
  const moveCommand = (service: string, holder: Json, key: string, path: string[]) => {
    const command = holder[key];
    const parts = typeof command === "string" ? [command] : Array.isArray(command) ? command : [];
    if (!parts.every((part): part is string => typeof part === "string")) return;
    // Read as one line, as the rule reads it: a value never spans two parts, which a space joins.
    const found = literalSecrets(parts.join(" "));
    if (found.length === 0) return;
    // Each value's variable, in the order the line writes them, so that a repeated value takes the
    // first one's name; then the values replaced from the last, so that the earlier ones stay put.
    const variables = found.map(({ value, option }) => {
      // A value moved already (--masterauth repeating --requirepass, a variable's) keeps its variable.
      const same = [...moved.values()].find((m) => m.value === value);
      if (same && !same.services.includes(service)) same.services.push(service);
      const entry =
        same ?? claim(service, `${service}_${option}`.toUpperCase().replace(/[^A-Z0-9_]/g, "_"), value, true);
      if (entry && !entry.commands.some((c) => c.service === service && c.path.join() === path.join()))
        entry.commands.push({ service, path });
      return entry?.variable;
    });
    const replaced = [...parts];
    let offset = 0;
    const partAt = parts.map((part) => {
      const start = offset;
      offset += part.length + 1;
      return start;
    });
    for (let i = found.length - 1; i >= 0; i--) {
      const { start, value } = found[i]!;
      const variable = variables[i];
      if (variable === undefined) continue;
      let index = partAt.length - 1;
      while (partAt[index]! > start) index--;
      const at = start - partAt[index]!;
      const part = replaced[index]!;
      replaced[index] = `${part.slice(0, at)}\${${variable}}${part.slice(at + value.length)}`;
    }
    holder[key] = typeof command === "string" ? replaced[0]! : replaced;
  };
  for (const [id, service] of Object.entries(services)) {
    moveEnv(id, service.env);
    moveCommand(id, service as Json, "command", ["services", id, "command"]);
    if (isObject(service.health))
      moveCommand(id, service.health, "command", ["services", id, "health", "command"]);
    const args = isObject(service.build) ? (service.build as Json).args : undefined;
    if (isObject(args))
      for (const [argument, value] of Object.entries(args)) {
        if (typeof value !== "string" || !secretLike(argument, value)) continue;
        const entry = claim(id, argument, value, true);
        if (!entry) continue;
        args[argument] = `\${${entry.variable}}`;
        entry.arguments.push({ service: id, argument });
      }
  }
  for (const environment of Object.values(environments))
    for (const { node } of inputNodes(environment)) {
      if (!isObject(node.run)) continue;
      for (const [id, instance] of Object.entries(node.run))
        if (isObject(instance))
          moveEnv(typeof instance.service === "string" ? instance.service : id, instance.env);
    }
  const found = [...moved.values()].map(({ value: _, ...secret }) => secret);
  for (const secret of found)
    if (!secret.buildArgument) secrets[secret.name] = { source: "env", env: secret.variable };
  return found;
}
