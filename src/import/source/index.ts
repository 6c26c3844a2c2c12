/**
 * The code inspection summary of one service: from the folder it is built from, its language,
 * framework, build tool, runtime, database, authentication, notable dependencies and config files,
 * and what its Dockerfile says (ports, health check, user, stages).
 */
import { type Dirent, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import type { SourceCode } from "../../model/types.js";
import { type DockerfileFacts, readDockerfile } from "./dockerfile.js";
import { classify, ecosystemOfRuntime, ecosystems } from "./ecosystems.js";
import { type ManifestReading, manifestReaders } from "./manifests.js";
import { readSmallFile } from "./small-file.js";

/** The model's description of a service's code, with what was read on the way. */
export interface SourceInspection extends Omit<SourceCode, "path" | "details"> {
  path: string;
  dockerfile?: DockerfileFacts;
  diagnostics: Diagnostic[];
}

const CONFIG_FILE =
  /^(package\.json|tsconfig\.json|(vite|next|nuxt|svelte|webpack|angular)\.config\.[cm]?[jt]s|angular\.json|appsettings(\.[A-Za-z]+)?\.json|pyproject\.toml|requirements(-[a-z]+)?\.txt|setup\.cfg|alembic\.ini|manage\.py|Cargo\.toml|go\.mod|Gemfile|pom\.xml|build\.gradle(\.kts)?|[^/]+\.csproj|Dockerfile(\.[A-Za-z0-9_-]+)?|nginx\.conf|\.env\.example|\.env\.sample|Procfile)$/;
const NESTED_CONFIG = [
  "Properties/launchSettings.json",
  "src/main/resources/application.yml",
  "src/main/resources/application.properties",
];

/** What a base image says about the runtime: node:20-alpine → Node.js 20. */
function runtimeOfImage(image: string): string | undefined {
  const [name = "", tag = ""] = image.split("@")[0]!.split(":");
  const base = name.split("/").pop() ?? "";
  const version = /^[0-9]+(\.[0-9]+)?/.exec(tag)?.[0];
  const named: Record<string, string> = {
    node: "Node.js",
    python: "Python",
    golang: "Go",
    openjdk: "Java",
    "eclipse-temurin": "Java",
    ruby: "Ruby",
    rust: "Rust",
    php: "PHP",
  };
  if (base === "nginx" || base === "caddy" || base === "httpd") return `static files served by ${base}`;
  if (/^mcr\.microsoft\.com\/dotnet\/(aspnet|runtime)/.test(name)) return `.NET ${version ?? ""}`.trim();
  const runtime = Object.hasOwn(named, base) ? named[base] : undefined;
  return runtime ? `${runtime}${version ? ` ${version}` : ""}` : undefined;
}

export function inspectSource(folder: string, root: string, dockerfile = "Dockerfile"): SourceInspection {
  const inspection: SourceInspection = {
    path: `${relative(root, folder) || "."}/`,
    dependencies: [],
    configFiles: [],
    diagnostics: [],
  };
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return inspection;
  }
  const names = entries
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
  inspection.configFiles = [
    ...names.filter((n) => CONFIG_FILE.test(n)),
    ...NESTED_CONFIG.filter((n) => readSmallFile(join(folder, n)) !== undefined),
  ];
  const dockerText = readSmallFile(join(folder, dockerfile));
  const facts = dockerText === undefined ? undefined : readDockerfile(dockerText);
  const imageRuntime = facts?.baseImage ? runtimeOfImage(facts.baseImage) : undefined;
  const readings: ManifestReading[] = [];
  for (const name of names) {
    const reader = manifestReaders.find(([pattern]) => pattern.test(name))?.[1];
    if (!reader) continue;
    const file = join(folder, name);
    const text = readSmallFile(file);
    if (text === undefined) continue;
    const reading = reader(text);
    if (reading.problem) {
      inspection.diagnostics.push(
        diagnostic("source-manifest-unreadable", "warning", `${name} is ${reading.problem}`, {
          file,
          start: 0,
          end: 0,
        }),
      );
      continue;
    }
    readings.push(reading);
  }
  // A folder with package.json beside composer.json or pyproject.toml (front-end assets, tooling)
  // is written in the language of the image it runs in, when the Dockerfile says.
  const primary = imageRuntime ? ecosystemOfRuntime(imageRuntime) : undefined;
  readings.sort((a, b) => Number(b.ecosystem === primary) - Number(a.ecosystem === primary));
  for (const reading of readings) {
    const ecosystem = ecosystems[reading.ecosystem]!;
    const found = classify(ecosystem.table, reading.dependencies);
    inspection.language ??= reading.language ?? ecosystem.language;
    inspection.framework ??= found.framework;
    inspection.buildTool ??= found["build-tool"];
    inspection.database ??= found.database;
    inspection.auth ??= found.auth;
    inspection.runtime ??= reading.runtime;
    // Notable dependencies: those the tables know, then the first few others.
    const known = reading.dependencies.filter((d) => ecosystem.table.some(([pattern]) => pattern.test(d)));
    inspection.dependencies = [...new Set([...inspection.dependencies, ...known])].slice(0, 12);
  }
  if (inspection.language === "JavaScript" && names.includes("tsconfig.json"))
    inspection.language = "TypeScript";
  if (facts) {
    inspection.dockerfile = facts;
    // The image a service runs in says more than the version a manifest asks for.
    if (imageRuntime) inspection.runtime = imageRuntime;
  }
  return inspection;
}
