/** The kinds of service the model knows; the schema and the importers share the list. */
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
