/**
 * Package manifests → the dependency names of a service's code, per ecosystem. Each reader takes
 * the file's text and never throws: a file it cannot read gives a reason instead.
 */
import { parse as parseToml } from "smol-toml";
import { asText, isObject, type Json } from "../json.js";

export interface ManifestReading {
  ecosystem: string;
  dependencies: string[];
  /** Language more precise than the ecosystem's (TypeScript), and the runtime version it asks for. */
  language?: string;
  runtime?: string;
  problem?: string;
}

const keys = (value: unknown) => (isObject(value) ? Object.keys(value) : []);

/** A JSON manifest's object, or why there is none. */
function jsonObject(text: string): { value: Json } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `not valid JSON: ${(error as Error).message}` };
  }
  return isObject(value) ? { value } : { problem: "not a JSON object" };
}

function packageJson(text: string): ManifestReading {
  const parsed = jsonObject(text);
  if ("problem" in parsed) return { ecosystem: "node", dependencies: [], problem: parsed.problem };
  const { value } = parsed;
  const dependencies = [...keys(value.dependencies), ...keys(value.devDependencies)];
  const engine = isObject(value.engines) ? value.engines.node : undefined;
  return {
    ecosystem: "node",
    dependencies,
    ...(dependencies.includes("typescript") ? { language: "TypeScript" } : {}),
    ...(typeof engine === "string" ? { runtime: `Node.js ${engine}` } : {}),
  };
}

/** `name==1.0`, `name[extra]>=2`, `-r other.txt` → name. */
const requirementName = (line: string) =>
  /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(line.replace(/#.*/, ""))?.[1];

function requirementsTxt(text: string): ManifestReading {
  const dependencies = text
    .split(/\r?\n/)
    .filter((line) => !/^\s*(-|#|$)/.test(line))
    .flatMap((line) => requirementName(line) ?? []);
  return { ecosystem: "python", dependencies };
}

function toml(text: string): { value?: Json; problem?: string } {
  try {
    return { value: parseToml(text) as Json };
  } catch (error) {
    return { problem: `not valid TOML: ${(error as Error).message.split("\n")[0]}` };
  }
}

function pyprojectToml(text: string): ManifestReading {
  const { value, problem } = toml(text);
  if (!value) return { ecosystem: "python", dependencies: [], ...(problem ? { problem } : {}) };
  const project = isObject(value.project) ? value.project : {};
  const poetry = isObject(value.tool) && isObject(value.tool.poetry) ? value.tool.poetry : {};
  const build = isObject(value["build-system"]) ? value["build-system"] : {};
  const listed = Array.isArray(project.dependencies) ? project.dependencies.map(asText) : [];
  const requires = Array.isArray(build.requires) ? build.requires.map(asText) : [];
  const dependencies = [
    ...listed.flatMap((d) => requirementName(d) ?? []),
    ...keys(poetry.dependencies).filter((d) => d !== "python"),
    ...requires.flatMap((d) => requirementName(d) ?? []),
  ];
  const python =
    project["requires-python"] ?? (isObject(poetry.dependencies) ? poetry.dependencies.python : undefined);
  return {
    ecosystem: "python",
    dependencies,
    ...(typeof python === "string" ? { runtime: `Python ${python}` } : {}),
  };
}

function cargoToml(text: string): ManifestReading {
  const { value, problem } = toml(text);
  if (!value) return { ecosystem: "rust", dependencies: [], ...(problem ? { problem } : {}) };
  return { ecosystem: "rust", dependencies: keys(value.dependencies) };
}

function goMod(text: string): ManifestReading {
  const dependencies = [
    ...text.matchAll(/^\s*(?:require\s+)?([a-z0-9.-]+\.[a-z]{2,}\/[^\s]+)\s+v[0-9]/gim),
  ].map((m) => m[1]!);
  const version = /^go\s+([0-9.]+)/m.exec(text)?.[1];
  return { ecosystem: "go", dependencies, ...(version ? { runtime: `Go ${version}` } : {}) };
}

/** Project files are XML; the two things read from them are attributes on one element each. */
function csproj(text: string): ManifestReading {
  const sdk = /<Project\s+Sdk="([^"]+)"/i.exec(text)?.[1];
  const packages = [...text.matchAll(/<PackageReference\s+Include="([^"]+)"/gi)].map((m) => m[1]!);
  const target = /<TargetFramework>net([0-9.]+)<\/TargetFramework>/i.exec(text)?.[1];
  return {
    ecosystem: "dotnet",
    dependencies: [...(sdk ? [sdk] : []), ...packages],
    ...(target ? { runtime: `.NET ${target}` } : {}),
  };
}

function pomXml(text: string): ManifestReading {
  const dependencies = [
    ...text.matchAll(/<groupId>([^<]+)<\/groupId>\s*<artifactId>([^<]+)<\/artifactId>/g),
  ].map((m) => `${m[1]!.trim()}:${m[2]!.trim()}`);
  const java = /<java\.version>([^<]+)<\/java\.version>/.exec(text)?.[1];
  return { ecosystem: "java", dependencies, ...(java ? { runtime: `Java ${java}` } : {}) };
}

function gradle(text: string): ManifestReading {
  const dependencies = [
    ...text.matchAll(/(?:implementation|api|runtimeOnly|compileOnly)\s*\(?\s*["']([^"':]+:[^"':]+)/g),
    ...text.matchAll(/id\s*\(?\s*["'](org\.springframework\.boot)["']/g),
  ].map((m) => (m[1]!.includes(":") ? m[1]! : `${m[1]!}:plugin`));
  return { ecosystem: "java", dependencies };
}

function gemfile(text: string): ManifestReading {
  const dependencies = [...text.matchAll(/^\s*gem\s+["']([^"']+)["']/gm)].map((m) => m[1]!);
  const ruby = /^\s*ruby\s+["']([^"']+)["']/m.exec(text)?.[1];
  return { ecosystem: "ruby", dependencies, ...(ruby ? { runtime: `Ruby ${ruby}` } : {}) };
}

function composerJson(text: string): ManifestReading {
  const parsed = jsonObject(text);
  if ("problem" in parsed) return { ecosystem: "php", dependencies: [], problem: parsed.problem };
  const { value } = parsed;
  const require = isObject(value.require) ? value.require : {};
  const php = typeof require.php === "string" ? require.php.replace(/^[^0-9]*/, "").split(/[ |,]/)[0] : "";
  return {
    ecosystem: "php",
    dependencies: keys(require).filter((name) => name !== "php"),
    ...(php ? { runtime: `PHP ${php}` } : {}),
  };
}

/** Readers by file name; a pattern for names that vary (*.csproj). */
export const manifestReaders: [RegExp, (text: string) => ManifestReading][] = [
  [/^package\.json$/, packageJson],
  [/^pyproject\.toml$/, pyprojectToml],
  [/^requirements(-[a-z]+)?\.txt$/, requirementsTxt],
  [/^Cargo\.toml$/, cargoToml],
  [/^go\.mod$/, goMod],
  [/\.csproj$/, csproj],
  [/^pom\.xml$/, pomXml],
  [/^build\.gradle(\.kts)?$/, gradle],
  [/^Gemfile$/, gemfile],
  [/^composer\.json$/, composerJson],
];
