/**
 * Names a compose service uses that nothing defines, which Compose refuses to start with: services
 * in links, volumes_from and namespaces shared (network_mode: service:vpn), and the secrets,
 * configs, networks and named volumes the top level must declare. (depends_on is the importer's
 * own: it also leaves the dependency out.)
 */
import type { DiagnosticCode } from "../../diagnostics.js";
import type { KeyPath } from "../../load/yaml-file.js";
import { asText, isObject, itemsOrKeys, type Json } from "../json.js";
import { implicitDependencies } from "./implicit-dependencies.js";
import { parseShortVolume } from "./short-volume.js";
import type { Message } from "./written-numbers.js";

/** Something in the compose files Compose would stop at, said where its key path is written. */
export interface ComposeProblem {
  code: DiagnosticCode;
  message: Message;
  hint: string;
  composePath: KeyPath;
  /** An error unless said otherwise: what Compose takes but ignores is a warning. */
  severity?: "warning";
  /** Where the name it is about is a mapping's key, the finding points at the key, not at what follows it. */
  at?: "key";
  /** Of a name the top level does not declare: what uses it, and the section that should declare it. */
  undeclared?: Undeclared;
}

export interface Undeclared {
  /** "'api' uses the secret 'token'" */
  use: string;
  /** The top-level section that should declare it: secrets, configs, networks or volumes. */
  section: string;
}

/**
 * What a finding about a name the top level does not declare says: that the file does not declare
 * it; or, where the service is taken by extends from another file, that the file which extends it
 * (`declarer`) does not, as extends takes the service and not what its file declares.
 */
export function undeclaredMessage(
  { use, section }: Undeclared,
  extended?: { declarer: string; from: string },
): string {
  if (!extended) return `${use}, which the file does not declare under ${section}`;
  return `${use}, which ${extended.declarer} does not declare under ${section}: ${takenFrom(extended.from)}`;
}

/** What is said of a finding in a service that extends takes from the file `from`. */
export const takenFrom = (from: string): string =>
  `extends takes the service from ${from}, not what that file declares`;

/** A finding about a name the top level does not declare, at `composePath`. */
function undeclaredProblem(
  code: DiagnosticCode,
  undeclared: Undeclared,
  hint: string,
  composePath: KeyPath,
): ComposeProblem {
  return { code, message: undeclaredMessage(undeclared), hint, composePath, undeclared };
}

/** A named volume in "name:/path[:mode]" or { type: volume, source }; a path or nothing is no name. */
function volumeName(item: unknown): string | undefined {
  if (isObject(item)) {
    return item.type === "volume" && typeof item.source === "string" && item.source ? item.source : undefined;
  }
  const { source, bind } = parseShortVolume(asText(item));
  // A source still holding a variable (one not set) names nothing yet.
  return source && !bind && !source.startsWith("$") ? source : undefined;
}

export function undefinedReferences(merged: Json): ComposeProblem[] {
  const found: ComposeProblem[] = [];
  const services = isObject(merged.services) ? merged.services : {};
  const declared = (section: string) =>
    new Set(Object.keys(isObject(merged[section]) ? (merged[section] as Json) : {}));
  const secrets = declared("secrets");
  const configs = declared("configs");
  const networks = declared("networks");
  const volumes = declared("volumes");
  const serviceNamed = (name: string) => Object.hasOwn(services, name);
  for (const [id, raw] of Object.entries(services)) {
    if (!isObject(raw)) continue;
    const path = (...steps: (string | number)[]) => ["services", id, ...steps];
    const missingService = (field: string, name: string, at: KeyPath) =>
      found.push({
        code: "unknown-service",
        message: `${field} names '${name}', which no compose file here defines`,
        hint: "define the service, or pass the file that defines it with another -f",
        composePath: at,
      });
    for (const { field, target, composePath } of implicitDependencies(id, raw))
      if (!serviceNamed(target)) missingService(field, target, composePath);
    const resources = [
      ["secrets", secrets, "unknown-secret", "secret"],
      ["configs", configs, "unknown-config", "config"],
    ] as const;
    for (const [field, known, code, what] of resources) {
      for (const { name, step } of itemsOrKeys(raw[field])) {
        const source = isObject(name) ? name.source : name;
        if (typeof source !== "string" || known.has(source)) continue;
        found.push(
          undeclaredProblem(
            code,
            { use: `'${id}' uses the ${what} '${source}'`, section: field },
            `declare it: ${field}: { ${source}: { file: … } }`,
            path(field, step),
          ),
        );
      }
    }
    for (const { name, step } of itemsOrKeys(raw.networks)) {
      // A service joins the default network without it being declared.
      if (typeof name !== "string" || name === "default" || networks.has(name)) continue;
      found.push({
        ...undeclaredProblem(
          "unknown-network",
          { use: `'${id}' joins the network '${name}'`, section: "networks" },
          `declare it: networks: { ${name}: {} }`,
          path("networks", step),
        ),
        ...(typeof step === "string" ? { at: "key" as const } : {}),
      });
    }
    for (const { name: item, step } of itemsOrKeys(raw.volumes)) {
      const name = volumeName(item);
      if (name === undefined || volumes.has(name)) continue;
      found.push(
        undeclaredProblem(
          "unknown-volume",
          { use: `'${id}' mounts the volume '${name}'`, section: "volumes" },
          `declare it: volumes: { ${name}: {} }, or write a path (./${name}) to bind a folder`,
          path("volumes", step),
        ),
      );
    }
  }
  return found;
}
