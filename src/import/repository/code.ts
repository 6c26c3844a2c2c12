/**
 * The code behind the services init found: each service built from a folder of the repository gets
 * that folder's inspection (language, framework, …) as its `source`, and what its Dockerfile says
 * fills what the configuration left out (ports, health check, user, build stages). Folders with a
 * Dockerfile that nothing builds become services of their own.
 */
import { basename, join, relative, resolve, sep } from "node:path";
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { durationField as timing } from "../../model/duration.js";
import type { ServiceInputType } from "../../model/schema.js";
import type { ServiceKind } from "../../model/types.js";
import { isInside } from "../inside.js";
import { inspectSource, type SourceInspection } from "../source/index.js";
import { readNginx } from "../source/nginx.js";
import { readSmallFile } from "../source/small-file.js";
import { type Folder, walkRepository } from "./walk.js";

/** The model's `source` of an inspection. */
function sourceOf(inspection: SourceInspection): NonNullable<ServiceInputType["source"]> {
  return {
    path: inspection.path,
    ...(inspection.language ? { language: inspection.language } : {}),
    ...(inspection.framework ? { framework: inspection.framework } : {}),
    ...(inspection.buildTool ? { "build-tool": inspection.buildTool } : {}),
    ...(inspection.runtime ? { runtime: inspection.runtime } : {}),
    ...(inspection.database ? { database: inspection.database } : {}),
    ...(inspection.auth ? { auth: inspection.auth } : {}),
    ...(inspection.dependencies.length > 0 ? { dependencies: inspection.dependencies } : {}),
    ...(inspection.configFiles.length > 0 ? { "config-files": inspection.configFiles } : {}),
  };
}

/** Adds the inspection to the service, and the Dockerfile's facts where the configuration is silent. */
export function describeService(service: ServiceInputType, inspection: SourceInspection): void {
  service.source = sourceOf(inspection);
  const docker = inspection.dockerfile;
  if (!docker) return;
  if (!service.ports && docker.expose.length > 0) {
    service.ports = Object.fromEntries(
      docker.expose.map((p) => [
        `p${p.port}`,
        p.protocol === "udp" ? { port: p.port, protocol: "udp" } : p.port,
      ]),
    );
  }
  // health: false turns the Dockerfile's check off on purpose.
  if (service.health === undefined && docker.healthcheck) {
    service.health = {
      command: docker.healthcheck.command,
      ...timing("interval", docker.healthcheck.interval),
      ...timing("timeout", docker.healthcheck.timeout),
      ...(docker.healthcheck.retries !== undefined ? { retries: docker.healthcheck.retries } : {}),
    };
  }
  if (docker.user && service.security?.user === undefined)
    service.security = { ...service.security, user: docker.user };
  if (docker.stages.length > 1 && service.build) {
    const build = typeof service.build === "string" ? { context: service.build } : service.build;
    service.build = { ...build, stages: docker.stages.map((s) => ({ name: s.name, image: s.image })) };
  }
}

/** Inspects the folder a service is built from, relative to the configuration that builds it. */
export function inspectBuild(
  service: ServiceInputType,
  base: string,
  root: string,
): SourceInspection | undefined {
  if (!service.build) return undefined;
  const build = typeof service.build === "string" ? { context: service.build } : service.build;
  const folder = resolve(base, build.context);
  if (isInside(root, folder) !== true) return undefined;
  return inspectSource(folder, root, build.dockerfile ? basename(build.dockerfile) : "Dockerfile");
}

const webFrameworks = /React|Vue|Angular|Svelte|Next\.js|Nuxt|Remix|Vite|Streamlit/;

/** Folders with a Dockerfile (three levels deep at most), other than those already built. */
export function dockerFolders(
  root: string,
  built: Set<string>,
  folders: Folder[] = walkRepository(root),
): string[] {
  const top = resolve(root);
  return folders
    .filter(({ dir, entries }) => {
      const depth = relative(top, dir).split(sep).length;
      return (
        dir !== top &&
        depth <= 3 &&
        !built.has(dir) &&
        entries.some((e) => e.isFile() && e.name === "Dockerfile")
      );
    })
    .map(({ dir }) => dir)
    .sort();
}

/** Web when the code's framework draws pages, else api. */
export function kindOfCode(inspection: SourceInspection): ServiceKind {
  return webFrameworks.test(`${inspection.framework ?? ""} ${inspection.buildTool ?? ""}`) ? "web" : "api";
}

/** A service for a folder nothing builds yet. */
export function serviceFromFolder(inspection: SourceInspection): ServiceInputType {
  const service: ServiceInputType = {
    kind: kindOfCode(inspection),
    build: `./${inspection.path.replace(/\/$/, "")}`,
  };
  describeService(service, inspection);
  return service;
}

/** nginx configuration a service mounts or builds with: bind-mounted .conf files, or its build folder's. */
function nginxFiles(service: ServiceInputType, base: string, root: string): string[] {
  const files: string[] = [];
  for (const volume of Object.values(service.volumes ?? {})) {
    if (typeof volume === "string" || volume.type !== "bind" || !volume.source) continue;
    const path = resolve(base, volume.source);
    if (/\.conf$/.test(path) && isInside(root, path) === true) files.push(path);
  }
  if (service.build) {
    const context = resolve(base, typeof service.build === "string" ? service.build : service.build.context);
    for (const name of ["nginx.conf", "default.conf", "conf.d/default.conf"]) {
      const path = join(context, name);
      if (isInside(root, path) === true) files.push(path);
    }
  }
  return files;
}

/**
 * Routes of a reverse proxy from its nginx configuration: each location that proxies to another
 * service of the model becomes a route to it (with the port's name when the service declares it).
 */
export function nginxRoutes(
  id: string,
  services: Record<string, ServiceInputType>,
  base: string,
  root: string,
): { routes: NonNullable<ServiceInputType["routes"]>; problems: Diagnostic[] } {
  const routes: NonNullable<ServiceInputType["routes"]> = {};
  const problems: Diagnostic[] = [];
  for (const file of nginxFiles(services[id]!, base, root)) {
    const text = readSmallFile(file);
    if (text === undefined) continue;
    const reading = readNginx(text);
    if (reading.problem)
      problems.push(
        diagnostic(
          "source-manifest-unreadable",
          "warning",
          `nginx configuration: ${reading.problem.message}`,
          {
            file,
            start: reading.problem.offset,
            end: reading.problem.offset + 1,
          },
        ),
      );
    for (const route of reading.routes) {
      const target = Object.hasOwn(services, route.host) ? services[route.host] : undefined;
      if (!target || route.host === id || Object.hasOwn(routes, route.path)) continue;
      const portName = Object.entries(target.ports ?? {}).find(
        ([, p]) => (typeof p === "number" ? p : p.port) === route.port,
      )?.[0];
      routes[route.path] = portName ? { to: route.host, port: portName } : route.host;
    }
  }
  return { routes, problems };
}
