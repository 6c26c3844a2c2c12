/** Images their projects publish under their own names, by the name of what they run. */
const PROJECT_IMAGES: ReadonlyMap<string, string> = new Map([
  ["valkey/valkey", "valkey"],
  ["grafana/grafana", "grafana"],
  ["grafana/grafana-oss", "grafana"],
  ["grafana/grafana-enterprise", "grafana"],
  ["prom/prometheus", "prometheus"],
  ["quay.io/prometheus/prometheus", "prometheus"],
]);

/**
 * An image's name without registry, tag or digest, where it is an official image on Docker Hub
 * (postgres, library/postgres, docker.io/library/postgres), Elastic's own, or one a project
 * publishes under its own name (valkey/valkey, grafana/grafana): what tells a known
 * store's defaults, where an image of another publisher may set its own.
 */
export function officialImageName(image: string): string | undefined {
  const name = image
    .replace(/@.*$/, "")
    .replace(/:[^/:]*$/, "")
    .replace(/^(?:docker\.io\/)?(?:library\/)?/, "")
    .replace(/^docker\.elastic\.co\/elasticsearch\//, "");
  const project = PROJECT_IMAGES.get(name);
  if (project !== undefined) return project;
  return name === "" || name.includes("/") ? undefined : name;
}

/** Images of a publisher that lays them out its own way (Bitnami's), known by their own names. */
const PUBLISHER_IMAGES: ReadonlySet<string> = new Set([
  "bitnami/postgresql",
  "bitnami/mysql",
  "bitnami/mariadb",
  "bitnami/mongodb",
]);

/**
 * Images built on an official one that keep its layout and its client (PostgreSQL with an
 * extension), by their repository, with where their tag names the official image's major version.
 */
const EXTENDED_IMAGES: ReadonlyMap<string, { base: string; major: RegExp; untagged?: string }> = new Map([
  // 16-3.4, 17-3.5-alpine
  ["postgis/postgis", { base: "postgres", major: /^(\d+)-/ }],
  // pg16, 0.8.0-pg17-trixie
  ["pgvector/pgvector", { base: "postgres", major: /(?:^|-)pg(\d+)\b/ }],
  // Its images stopped at pgvector 0.5.1, on PostgreSQL 15, and name no version of it.
  ["ankane/pgvector", { base: "postgres", major: /(?:^|-)pg(\d+)\b/, untagged: "15" }],
  // 2.14.2-pg16, latest-pg17
  ["timescale/timescaledb", { base: "postgres", major: /(?:^|-)pg(\d+)\b/ }],
]);

/**
 * The official image an image is, or is built on keeping its layout (postgis/postgis is
 * postgres), or a publisher's image of its own layout (bitnami/postgresql), with the major
 * version of it its tag names, if it names one.
 */
export function baseImage(image: string): { name: string; major?: string } | undefined {
  // The digest's own colon (postgres@sha256:9f86…) starts no tag: its hex digits are no version.
  const withoutDigest = image.replace(/@.*$/, "");
  const tag = /:([^/:]+)$/.exec(withoutDigest)?.[1] ?? "latest";
  const official = officialImageName(image);
  if (official !== undefined) return withMajor(official, /^(\d+)/.exec(tag)?.[1]);
  const repository = withoutDigest.replace(/:[^/:]*$/, "").replace(/^(?:docker\.io\/)/, "");
  if (PUBLISHER_IMAGES.has(repository)) return withMajor(repository, /^(\d+)/.exec(tag)?.[1]);
  const extended = EXTENDED_IMAGES.get(repository);
  return extended && withMajor(extended.base, extended.major.exec(tag)?.[1] ?? extended.untagged);
}

const withMajor = (name: string, major: string | undefined) =>
  major === undefined ? { name } : { name, major };
