/**
 * Compose file sets in a repository: per folder, the base file (with docker-compose.override.yml when
 * present) and each variant (docker-compose.prod.yml, compose.staging.yaml) over the base; an
 * alternative (docker-compose-quickstart.yml) by itself; an override fragment in a folder of its
 * own (overrides/compose.mariadb.yaml, or one whose services depend on the base's) over the base
 * file of the folder above, and over the
 * fragments beside it that define what it adds to (such a fragment then not by itself as well); a
 * base file that only adds to services (none of
 * its own whole) over the base above that defines them, or left out where none does.
 * Honours .gitignore, skips dependency and build folders and never follows a link (see walk.ts).
 */
import { dirname, join, relative } from "node:path";
import { append } from "../../collections.js";
import { parseYaml } from "../../load/yaml-file.js";
import { VARIANT_FILE } from "../compose/file-names.js";
import { implicitDependencies } from "../compose/implicit-dependencies.js";
import { itemsOrKeys } from "../json.js";
import { isObject } from "../kubernetes/objects.js";
import { readText } from "../kubernetes/read-file.js";
import { idsOf } from "../model-ids.js";
import { type Folder, walkRepository } from "./walk.js";

export { skippedFolders } from "./walk.js";

const baseNames = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"];

export interface ComposeSet {
  /** Environment id for this set. */
  environment: string;
  files: string[];
  /** The variant file's name part (prod in docker-compose.prod.yml); none for the base set. */
  variant?: string;
}

function environmentId(folder: string, variant: string | undefined): string {
  const parts = [folder === "." ? "" : folder.replace(/[\\/]+/g, "-"), variant ?? ""].filter(Boolean);
  return (parts.join("-") || "local").toLowerCase().replace(/[^a-z0-9._-]+/g, "-");
}

interface Services {
  /** Those it defines whole: with an image, a build, or a service it extends. */
  whole: Set<string>;
  /** Those it only adds to (`zulip: {}`, a network joined). */
  partial: string[];
  /** Those its services depend on or link to that it does not name: another file's. */
  needs: string[];
  /** Whether it includes other files, which may define what it adds to. */
  includes: boolean;
  /** Whether it cannot be read (no YAML, a key no file may hold): then it stands alone, to be reported. */
  unreadable: boolean;
}

/** A compose file's services, split into those it defines whole and the rest. */
function servicesIn(file: string, cache: Map<string, Services>): Services {
  let found = cache.get(file);
  if (found) return found;
  found = { whole: new Set(), partial: [], needs: [], includes: false, unreadable: false };
  const { text } = readText(file);
  // Merge keys applied, as Compose applies them: frappe's services take their image from an anchor.
  const parsed = text === undefined ? undefined : parseYaml(text, file, { merge: true });
  found.unreadable = parsed?.diagnostics.some((d) => d.severity === "error") ?? false;
  const value = parsed?.documents[0]?.value;
  found.includes = isObject(value) && value.include !== undefined;
  const services = isObject(value) && isObject(value.services) ? value.services : {};
  for (const [id, service] of Object.entries(services)) {
    // A service written with nothing (`zulip:`) adds nothing to the one of that name.
    if (service !== null && !isObject(service)) continue;
    const spec = service ?? {};
    if (spec.image !== undefined || spec.build !== undefined || spec.extends !== undefined)
      found.whole.add(id);
    else found.partial.push(id);
  }
  const named = new Set(Object.keys(services));
  found.needs = [...new Set(Object.values(services).flatMap(servicesNamedBy))].filter((id) => !named.has(id));
  cache.set(file, found);
  return found;
}

/** The services a service waits for, or is started after as Compose reads it (links, volumes_from, a shared namespace), by name. */
function servicesNamedBy(service: unknown): string[] {
  if (!isObject(service)) return [];
  const names = itemsOrKeys(service.depends_on).map(({ name }) => name);
  for (const { target } of implicitDependencies("", service)) names.push(target);
  return names.filter((name): name is string => typeof name === "string");
}

/**
 * Whether a compose file may adjust another set: it includes nothing, and adds to services it does
 * not define whole, or names none whole at all (a file that only declares a network).
 */
const mayAdjust = (services: Services) =>
  !services.unreadable && !services.includes && (services.whole.size === 0 || services.partial.length > 0);

function sharedPrefix(a: string, b: string): number {
  let length = 0;
  while (length < a.length && a[length] === b[length]) length++;
  return length;
}

/** The base files of the nearest folder above `dir` that has them, for a fragment to go over. */
function baseAbove(dir: string, root: string, bases: Map<string, string[]>): string[] | undefined {
  let folder = dir;
  while (folder !== root && !relative(root, folder).startsWith("..")) {
    folder = dirname(folder);
    const files = bases.get(folder);
    if (files) return files;
  }
  return undefined;
}

/** The top-level keys a compose file may have, besides extensions (x-…). */
const COMPOSE_KEYS = new Set([
  "services",
  "volumes",
  "networks",
  "secrets",
  "configs",
  "version",
  "name",
  "include",
]);

/**
 * Whether a YAML file by another name (production.yml, stack.yml) is a compose file that runs
 * something by itself: it has only the top-level keys a compose file has, and each of its services
 * an image, a build or a service it extends. Stricter than `check` is with a file it is given: here
 * any YAML file of the repository is asked, a CI configuration's list of services or a chart's
 * values included.
 */
function isComposeByContent(file: string): boolean {
  const { text } = readText(file);
  if (text === undefined || !/^services:/m.test(text)) return false;
  const value = parseYaml(text, file, { merge: true }).documents[0]?.value;
  if (!isObject(value) || !isObject(value.services)) return false;
  if (!Object.keys(value).every((key) => COMPOSE_KEYS.has(key) || key.startsWith("x-"))) return false;
  const services = Object.values(value.services);
  return (
    services.length > 0 &&
    services.every(
      (service) =>
        isObject(service) &&
        (service.image !== undefined || service.build !== undefined || service.extends !== undefined),
    )
  );
}

/** A folder with a base file: its names, and the base with its override, if any. */
interface BaseFolder {
  folder: string;
  dir: string;
  names: string[];
  baseFiles: string[];
}

/**
 * The sets of a folder with a base file: the base (with its override) and each variant over it,
 * all over `above` where the base only adjusts a set above; where it adjusts none (`above`
 * undefined), only the alternatives that run by themselves.
 */
function folderSets(
  { folder, dir, names, baseFiles }: BaseFolder,
  above: string[] | undefined,
): ComposeSet[] {
  const sets: ComposeSet[] = [];
  if (above) sets.push({ environment: environmentId(folder, undefined), files: [...above, ...baseFiles] });
  for (const name of [...names].sort()) {
    const variant = VARIANT_FILE.exec(name)?.[1];
    if (!variant || variant === "override") continue;
    // docker-compose.prod.yml is, by convention, an override of the base file; a file named
    // docker-compose-quickstart.yml is an alternative to it, run by itself.
    const alone = /^(?:docker-)?compose-/.test(name);
    const files = alone ? [join(dir, name)] : above && [...above, baseFiles[0]!, join(dir, name)];
    if (files) sets.push({ environment: environmentId(folder, variant), files, variant });
  }
  return sets;
}

/** A YAML file named as no model, kustomization or chart's file is: which of them is compose is asked of its content. */
const OTHER_YAML = /^(?!deployview|kustomization|Chart\.|values)[^.].*\.ya?ml$/i;

export function findComposeSets(root: string, folders: Folder[] = walkRepository(root)): ComposeSet[] {
  const sets: ComposeSet[] = [];
  const bases = new Map<string, string[]>();
  const loose: { dir: string; folder: string; name: string; variant: string }[] = [];
  const adjusting: BaseFolder[] = [];
  const cache = new Map<string, Services>();
  for (const { dir, entries } of folders) {
    const names = entries.filter((e) => e.isFile()).map((e) => e.name);
    const base = baseNames.find((n) => names.includes(n));
    const folder = relative(root, dir) || ".";
    // A compose file by another name (cookiecutter-django's production.yml) runs by itself.
    for (const name of names.sort())
      if (OTHER_YAML.test(name) && !VARIANT_FILE.test(name) && !baseNames.includes(name)) {
        const file = join(dir, name);
        if (!isComposeByContent(file)) continue;
        const variant = name.replace(/\.ya?ml$/i, "");
        sets.push({ environment: environmentId(folder, variant), files: [file], variant });
      }
    if (!base) {
      for (const name of names.sort()) {
        const variant = VARIANT_FILE.exec(name)?.[1];
        if (variant) loose.push({ dir, folder, name, variant });
      }
      continue;
    }
    const override = names.find((n) => /^(?:docker-)?compose[.-]override\.ya?ml$/.test(n));
    const baseFiles = [join(dir, base), ...(override ? [join(dir, override)] : [])];
    // zulip's ci/basic/compose.yaml, `services: { zulip: { environment: … } }`, is run over the
    // project's own: checked alone, each service it names has no image. Its place is found once
    // every base file is known.
    const own = servicesIn(join(dir, base), cache);
    // One that defines some services whole is a base for the fragments below it all the same.
    if (own.whole.size > 0) bases.set(dir, [join(dir, base)]);
    if (mayAdjust(own)) adjusting.push({ folder, dir, names, baseFiles });
    else append(sets, folderSets({ folder, dir, names, baseFiles }, []));
  }
  // Without a base file beside it, a compose file stands alone (docker-compose.agent-builder.yml),
  // unless it is a fragment (a service in it has neither image nor build, or depends on one it does
  // not define: frappe's overrides/compose.migrator.yaml on the configurator): then it goes over the
  // base file of the nearest folder above, and over the fragments beside it that define whole what
  // it only adds to (overrides/compose.mariadb-secrets.yaml over overrides/compose.mariadb.yaml).
  // One that another goes over is checked there only: alone, its project folder is its own, so it
  // would be read without the example env file and the variables of the base's folder, and each
  // finding in it said twice (frappe's overrides/compose.custom-domain.yaml, under -ssl's).
  const alone: ComposeSet[] = [];
  const underOthers = new Set<string>();
  for (const { dir, folder, name, variant } of loose) {
    const file = join(dir, name);
    const own = servicesIn(file, cache);
    if (own.partial.length === 0 && own.needs.length === 0) {
      alone.push({ environment: environmentId(folder, variant), files: [file], variant });
      continue;
    }
    const above = baseAbove(dir, root, bases) ?? [];
    const defined = new Set(above.flatMap((base) => [...servicesIn(base, cache).whole]));
    const missing = [...own.partial, ...own.needs].filter((id) => !defined.has(id));
    // For each service it adds to, the fragment beside it that defines it whole, the one whose
    // name it shares most of first (compose.mariadb-secrets.yaml goes with compose.mariadb.yaml,
    // not with the alternative compose.postgres.yaml).
    const siblings = loose.filter((other) => other.dir === dir && other.name !== name).map((o) => o.name);
    const chosen = new Set(
      missing.flatMap((id) => {
        const candidates = siblings.filter((other) => servicesIn(join(dir, other), cache).whole.has(id));
        const best = candidates.sort((a, b) => sharedPrefix(b, name) - sharedPrefix(a, name))[0];
        return best ? [best] : [];
      }),
    );
    const beside = [...chosen].sort().map((other) => join(dir, other));
    for (const other of beside) underOthers.add(other);
    sets.push({ environment: environmentId(folder, variant), files: [...above, ...beside, file], variant });
  }
  append(
    sets,
    alone.filter(({ files }) => !underOthers.has(files[0]!)),
  );
  // A file that adjusts goes over the nearest base above that defines every service it adds to
  // (certbot's ci/certbot/compose.yaml adds a service of its own too). Where none does, one that
  // defines nothing whole is left out: alone it is no project, and all a check of it gives is errors.
  for (const base of adjusting) {
    const above = baseAbove(base.dir, root, bases);
    const defined = new Set((above ?? []).flatMap((file) => [...servicesIn(file, cache).whole]));
    const own = base.baseFiles.map((file) => servicesIn(file, cache));
    const adjusts = above && own.every(({ partial }) => partial.every((id) => defined.has(id)));
    const whole = own.some(({ whole }) => whole.size > 0);
    append(sets, folderSets(base, adjusts ? above : whole ? [] : undefined));
  }
  // An id no model may hold as a key (a folder named constructor) is numbered past the others.
  const ids = idsOf(sets.map((set) => set.environment));
  for (const set of sets) set.environment = ids.get(set.environment)!;
  return sets.sort((a, b) => a.environment.localeCompare(b.environment));
}
