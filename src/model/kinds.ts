/** The kinds of service the model knows; the schema and the importers share the list. */
import { commandLine } from "./container-risks.js";

export const serviceKindNames = [
  "web",
  "api",
  "worker",
  "scheduler",
  "database",
  "cache",
  "queue",
  "broker",
  "storage",
  "proxy",
  "gateway",
  "ai",
  "observability",
  "job",
  "auth",
  "search",
  "tool",
  "other",
] as const;

/** Kinds that keep state unless told otherwise. */
export const statefulKinds: ReadonlySet<string> = new Set(["database", "storage", "queue", "broker"]);

/**
 * Whether a cache is told on its command line to keep what it holds on disk: Redis's and Valkey's
 * append-only file (--appendonly yes) or snapshots (--save 60 1; --save "" turns them off).
 */
export function persistsCache(kind: string, command: string | readonly string[] | undefined): boolean {
  return kind === "cache" && /--appendonly\s+yes\b|--save\s+\d/.test(commandLine(command));
}

/**
 * Why a service runs until it is stopped, by what is said of it rather than by what it is called:
 * restarted however it exits, probed for health, or publishing ports. Undefined where nothing says
 * so, and it may be one that runs to completion (a migration, a tool that prints keys).
 */
export function shownToServe(service: {
  restart: string | undefined;
  health: boolean;
  publishes: boolean;
}): string | undefined {
  if (service.restart === "always" || service.restart === "unless-stopped")
    return `it restarts ${service.restart === "always" ? "always" : "unless stopped"}`;
  if (service.health) return "it has a health check";
  if (service.publishes) return "it publishes ports";
  return undefined;
}
