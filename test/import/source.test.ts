import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeService } from "../../src/import/repository/code.js";
import { readDockerfile } from "../../src/import/source/dockerfile.js";
import { classify, ecosystems } from "../../src/import/source/ecosystems.js";
import { inspectSource } from "../../src/import/source/index.js";
import { manifestReaders } from "../../src/import/source/manifests.js";
import { readNginx } from "../../src/import/source/nginx.js";
import { loadModelFile } from "../../src/load/index.js";
import type { ServiceInputType } from "../../src/model/schema.js";
import { runCli } from "../helpers/cli.js";
import { repoRoot } from "../helpers/examples.js";
import { folderWith } from "../helpers/files.js";

const repo = `${repoRoot}test/fixtures/source/repo`;

/** Language, framework and database named by one manifest's text. */
function named(file: string, text: string) {
  const reading = manifestReaders.find(([pattern]) => pattern.test(file))![1](text);
  const ecosystem = ecosystems[reading.ecosystem]!;
  return {
    language: reading.language ?? ecosystem.language,
    runtime: reading.runtime,
    ...classify(ecosystem.table, reading.dependencies),
  };
}

describe("reading a Dockerfile", () => {
  it("finds stages, ARG defaults in FROM, ports, the health check, user and command of the final stage", () => {
    const facts = readDockerfile(
      [
        "# escape=\\\\",
        "ARG NODE=20",
        "FROM node:${NODE}-alpine AS build",
        "EXPOSE 9999",
        "USER builder",
        "RUN npm ci && \\\\",
        "    npm run build",
        "FROM nginx:1.27-alpine",
        "EXPOSE 80 53/udp",
        "HEALTHCHECK --interval=10s --retries=5 CMD wget -qO- http://localhost/ || exit 1",
        "USER nginx",
        'CMD ["nginx", "-g", "daemon off;"]',
      ].join("\n"),
    );
    expect(facts).toEqual({
      stages: [
        { name: "build", image: "node:20-alpine" },
        { name: "stage-2", image: "nginx:1.27-alpine" },
      ],
      baseImage: "nginx:1.27-alpine",
      expose: [
        { port: 80, protocol: "tcp" },
        { port: 53, protocol: "udp" },
      ],
      healthcheck: { command: "wget -qO- http://localhost/ || exit 1", interval: "10s", retries: 5 },
      user: "nginx",
      command: ["nginx", "-g", "daemon off;"],
    });
    expect(
      readDockerfile("FROM alpine\nHEALTHCHECK CMD true\nHEALTHCHECK NONE\n").healthcheck,
    ).toBeUndefined();
    expect(readDockerfile("")).toEqual({ stages: [], expose: [] });
  });

  it("reads the stage a build's target names, where the build stops", () => {
    const text =
      "FROM node:20 AS dev\nCMD npm run dev\nFROM node:20-slim AS production\nHEALTHCHECK CMD node check.js\n";
    expect(readDockerfile(text, "dev")).toMatchObject({
      baseImage: "node:20",
      command: "npm run dev",
    });
    expect(readDockerfile(text, "dev").healthcheck).toBeUndefined();
    expect(readDockerfile(text, "production").healthcheck).toEqual({ command: "node check.js" });
  });
});

describe("naming language and framework from package manifests", () => {
  it("reads every ecosystem's manifest", () => {
    expect(
      named(
        "go.mod",
        "module x\n\ngo 1.22\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.10.0\n\tgithub.com/jackc/pgx/v5 v5.6.0\n)\n",
      ),
    ).toEqual({
      language: "Go",
      runtime: "Go 1.22",
      framework: "Gin",
      database: "PostgreSQL",
    });
    expect(
      named(
        "Cargo.toml",
        '[package]\nname = "x"\n[dependencies]\naxum = "0.7"\nsqlx = { version = "0.7" }\n',
      ),
    ).toMatchObject({
      language: "Rust",
      framework: "Axum",
      database: "SQL via an ORM",
    });
    expect(
      named(
        "pom.xml",
        "<project><properties><java.version>21</java.version></properties><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency><dependency><groupId>org.postgresql</groupId>\n<artifactId>postgresql</artifactId></dependency></dependencies></project>",
      ),
    ).toEqual({ language: "Java", runtime: "Java 21", framework: "Spring Boot", database: "PostgreSQL" });
    expect(
      named("build.gradle.kts", 'plugins { id("org.springframework.boot") version "3.3.0" }\n'),
    ).toMatchObject({
      framework: "Spring Boot",
    });
    expect(
      named(
        "Gemfile",
        "source 'https://rubygems.org'\nruby '3.3.0'\ngem 'rails', '~> 7.1'\ngem 'pg'\ngem 'devise'\n",
      ),
    ).toEqual({
      language: "Ruby",
      runtime: "Ruby 3.3.0",
      framework: "Ruby on Rails",
      database: "PostgreSQL",
      auth: "framework authentication",
    });
    expect(
      named("requirements.txt", "# web\nDjango==5.0\npsycopg2-binary>=2.9\n-r base.txt\n"),
    ).toMatchObject({
      language: "Python",
      framework: "Django",
      database: "PostgreSQL",
    });
    expect(
      named(
        "package.json",
        '{"dependencies":{"next":"14","react":"18","next-auth":"4","@prisma/client":"5"},"engines":{"node":">=20"}}',
      ),
    ).toEqual({
      language: "JavaScript",
      runtime: "Node.js >=20",
      framework: "Next.js",
      database: "Prisma",
      auth: "Auth.js",
    });
  });

  it("reads composer.json, and takes the language of the image a folder runs in over a tooling package.json", () => {
    expect(
      named(
        "composer.json",
        '{"require":{"php":">=8.2","laravel/framework":"^11.0","laravel/sanctum":"^4.0","ext-pdo_pgsql":"*"}}',
      ),
    ).toEqual({
      language: "PHP",
      runtime: "PHP 8.2",
      framework: "Laravel",
      database: "PostgreSQL",
      auth: "framework authentication",
    });
    const folder = folderWith(
      {
        "package.json": '{"devDependencies":{"vite":"5"}}',
        "composer.json": '{"require":{"php":"^8.3","symfony/framework-bundle":"7"}}',
        "requirements.txt": "flask==3\n",
        Dockerfile: 'FROM python:3.12-slim\nCMD ["flask", "run"]\n',
      },
      "deployview-source-",
    );
    expect(inspectSource(folder, folder)).toMatchObject({
      language: "Python",
      framework: "Flask",
      runtime: "Python 3.12",
    });
    writeFileSync(join(folder, "Dockerfile"), "FROM php:8.3-fpm\n");
    expect(inspectSource(folder, folder)).toMatchObject({ language: "PHP", framework: "Symfony" });
  });

  it("reports a manifest it cannot read, and never throws on any text", () => {
    for (const [file, text] of [
      ["package.json", "{ broken"],
      ["pyproject.toml", "[project\nname ="],
      ["Cargo.toml", "= ="],
    ] as const) {
      expect(manifestReaders.find(([p]) => p.test(file))![1](text).problem).toMatch(/^not valid (JSON|TOML)/);
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        readDockerfile(text);
        for (const [, read] of manifestReaders) read(text);
      }),
      { numRuns: 300 },
    );
  });

  it("inspects a service folder: language, framework, runtime from the image, config files, the Dockerfile", () => {
    const engine = inspectSource(join(repo, "engine"), repo);
    expect(engine).toMatchObject({
      path: "engine/",
      language: "C# / .NET",
      framework: "ASP.NET Core",
      runtime: ".NET 8.0",
      database: "PostgreSQL",
      auth: "JWT",
      configFiles: ["Dockerfile", "Engine.csproj", "appsettings.json", "Properties/launchSettings.json"],
      diagnostics: [],
    });
    expect(engine.dockerfile!.expose).toEqual([{ port: 8080, protocol: "tcp" }]);
    expect(inspectSource(join(repo, "experience"), repo)).toMatchObject({
      language: "TypeScript",
      framework: "React",
      buildTool: "Vite",
      runtime: "static files served by nginx",
      auth: "Keycloak",
    });
    const broken = inspectSource(join(repo, "tools", "broken"), repo);
    expect(broken.diagnostics.map((d) => d.code)).toEqual(["source-manifest-unreadable"]);
  });
});

describe("what the Dockerfile fills in", () => {
  it("leaves a health check turned off in the compose file off, and adds the Dockerfile's where none is said", () => {
    const engine = inspectSource(join(repo, "engine"), repo);
    expect(engine.dockerfile!.healthcheck).toBeDefined();
    const off: ServiceInputType = { kind: "api", health: false };
    describeService(off, engine);
    expect(off.health).toBe(false);
    const silent: ServiceInputType = { kind: "api" };
    describeService(silent, engine);
    expect(silent.health).toMatchObject({ command: engine.dockerfile!.healthcheck!.command });
  });
});

describe("reading nginx configuration", () => {
  it("turns locations that proxy into routes, through upstream blocks, and reports an unclosed block", () => {
    const reading = readNginx(
      [
        "upstream backend { server api:8080; }",
        "server {",
        "  listen 80;",
        "  server_name shop.example.com; # the shop",
        "  location / { root /usr/share/nginx/html; }",
        "  location /api/ { proxy_pass http://backend/; }",
        '  location ~ ^/auth { proxy_pass http://keycloak:8081; proxy_set_header Host "$host"; }',
        "}",
      ].join("\n"),
    );
    expect(reading).toEqual({
      routes: [
        { path: "/api/", host: "api", port: 8080 },
        { path: "^/auth", host: "keycloak", port: 8081 },
      ],
      serverNames: ["shop.example.com"],
      listen: ["80"],
    });
    expect(readNginx("server { location / { proxy_pass http://x;").problem).toEqual({
      message: "a '{' is never closed",
      offset: 20,
    });
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => void readNginx(text)),
      { numRuns: 300 },
    );
  });
});

describe("deployview init reads the code", () => {
  it("describes each service built here, fills what compose leaves out from its Dockerfile, and prints the summary", async () => {
    const root = mkdtempSync(join(tmpdir(), "deployview-init-code-"));
    cpSync(repo, root, { recursive: true });
    const result = await runCli(["init", root]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "  1. engine (engine/)\n     Language: C# / .NET\n     Framework: ASP.NET Core\n     Runtime: .NET 8.0\n     Database: PostgreSQL\n     Authentication: JWT\n     Port: 8080\n",
    );
    expect(result.stdout).toContain("  neuron: api; built here; ports 8000 (placed nowhere yet)");
    expect(result.stderr).toContain("package.json: warning package.json is not valid JSON");
    const text = readFileSync(join(root, "deployview.yaml"), "utf8");
    expect(text).toContain("# TODO: read from the code; confirm");
    const { model, diagnostics } = await loadModelFile(join(root, "deployview.yaml"));
    expect(diagnostics).toEqual([]);
    const engine = model!.services.find((s) => s.id === "engine")!;
    expect(engine.kind).toBe("api");
    expect(engine.source).toMatchObject({ language: "C# / .NET", framework: "ASP.NET Core" });
    expect(engine.security.user).toBe("app");
    expect(engine.build!.stages.map((s) => s.name)).toEqual(["build", "runtime"]);
    expect(model!.services.find((s) => s.id === "experience")!.kind).toBe("web");
    expect(model!.services.find((s) => s.id === "neuron")!.ports.map((p) => p.port)).toEqual([8000]);
    // The proxy's routes come from the nginx.conf it mounts; its image tag from .env.example.
    const proxy = model!.services.find((s) => s.id === "proxy")!;
    expect(proxy.image).toBe("nginx:1.27-alpine");
    expect(proxy.routes.map((r) => [r.path, r.target, r.port?.port])).toEqual([
      ["/api/", "engine", 8080],
      ["/", "experience", 80],
    ]);
  });
});
