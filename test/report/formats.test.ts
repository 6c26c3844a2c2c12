import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Ajv } from "ajv";
import ajvFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics.js";
import { displayWidth } from "../../src/emit/diagram/ascii/width.js";
import { standardInputPath } from "../../src/load/standard-input.js";
import { formatDiagnostics } from "../../src/report/index.js";
import { formatText } from "../../src/report/text.js";
import { runCli } from "../helpers/cli.js";
import { repoRoot } from "../helpers/examples.js";

// A CommonJS module whose types name its export default: at run time the module is the function.
const addFormats = ajvFormats as unknown as typeof ajvFormats.default;

const dir = mkdtempSync(join(tmpdir(), "deployview-report-"));
writeFileSync(
  join(dir, "deployview.yaml"),
  `system: { name: Shop }
services:
  api: { kind: api, image: "shop/api:latest", ports: { http: 80 }, health: { http: /health }, env: { API_TOKEN: "s3cr3t, with: commas%" } }
environments:
  staging: { platform: compose, nodes: { laptop: { kind: host, run: [api] } } }
`,
);

/** Whether a log validates against the published SARIF 2.1.0 schema. */
function expectValidSarif(log: unknown): void {
  const schema = JSON.parse(
    readFileSync(`${repoRoot}node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json`, "utf8"),
  );
  // The published schema is draft-04; its only draft-04 keyword is the root `id`.
  delete schema.id;
  delete schema.$schema;
  // With the formats, a URI the log writes is checked as one (a space or # in a path must be encoded).
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, unicodeRegExp: false });
  const validate = addFormats(ajv).compile(schema);
  expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
}

describe("check's text", () => {
  it("groups the findings by file, a blank line between files, each with its file:line:col and code frame", async () => {
    const project = mkdtempSync(join(tmpdir(), "deployview-text-"));
    const compose = "services:\n  a: { image: 'a:latest' }\n  b: { image: 'b:latest' }\n";
    writeFileSync(join(project, "compose.yaml"), compose);
    writeFileSync(join(project, "compose.dev.yaml"), compose);
    const args = ["check", "compose.yaml", "compose.dev.yaml", "--rule", "missing-health-check=off"];
    const text = (await runCli(args, project)).stdout;
    const blocks = text.trimEnd().split("\n\n");
    expect(blocks.map((block) => block.split("\n").filter((line) => /^\S/.test(line)))).toEqual([
      [
        "compose.dev.yaml:2:15: warning 'a' runs a:latest, which is not pinned to a version [image-latest-tag]",
        "compose.dev.yaml:3:15: warning 'b' runs b:latest, which is not pinned to a version [image-latest-tag]",
      ],
      [
        "compose.yaml:2:15: warning 'a' runs a:latest, which is not pinned to a version [image-latest-tag]",
        "compose.yaml:3:15: warning 'b' runs b:latest, which is not pinned to a version [image-latest-tag]",
      ],
      ["0 errors, 4 warnings"],
    ]);
    expect(blocks[0]).toContain("  2 |   a: { image: 'a:latest' }\n    |               ^^^^^^^^^^");
  });

  it("writes no control character of the file to the terminal: messages escape them, code frames mark them", async () => {
    const project = mkdtempSync(join(tmpdir(), "deployview-text-"));
    // A raw escape sequence in a key, and one YAML writes with \e in a quoted key.
    writeFileSync(
      join(project, "compose.yaml"),
      'services:\n  "a\\e]0;pwned\\a": { image: "a:latest" }\n  b\u001b[31m: { image: "b:latest" }\n',
    );
    const args = ["check", "compose.yaml", "--rule", "missing-health-check=off"];
    const text = (await runCli(args, project)).stdout;
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    // Nor do workflow annotations, which a CI log shows.
    const github = (await runCli([...args, "--format", "github"], project)).stdout;
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters
    expect(github).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(text).toContain("'a\\u001b]0;pwned\\u0007' runs a:latest");
    expect(text).toContain("  3 |   b\ufffd[31m: {");
  });
});

describe("the text report's code frame", () => {
  /** The frame of a finding at `found` (the text it underlines) in a one-line file. */
  const frame = (line: string, found: string) => {
    const start = line.indexOf(found);
    const finding: Diagnostic = {
      code: "image-latest-tag",
      severity: "warning",
      message: "m",
      file: "/p/f.yaml",
      start,
      end: start + found.length,
    };
    const text = formatText([finding], new Map([["/p/f.yaml", `${line}\n`]]), { color: false, cwd: "/p" });
    const [, source, underline] = text.split("\n");
    return { source: source!.slice("  1 | ".length), underline: underline!.slice("    | ".length) };
  };
  /** The display columns the underline covers, and the text shown above them. */
  const underlined = ({ source, underline }: { source: string; underline: string }) => {
    const from = displayWidth(underline.slice(0, underline.indexOf("^")));
    const width = underline.trim().length;
    let column = 0;
    let shown = "";
    for (const char of source) {
      if (column >= from && column < from + width) shown += char;
      column += displayWidth(char);
    }
    return shown;
  };

  it("keeps the caret under the finding past tabs, which it shows as spaces", () => {
    const shown = frame("image:\t\t'a:latest'\t# pinned\tlater", "'a:latest'");
    expect(shown.source).not.toContain("\t");
    expect(underlined(shown)).toBe("'a:latest'");
  });

  it("keeps the caret under the finding past wide characters", () => {
    expect(underlined(frame("名前: { 説明: 配置🚀, image: 'a:latest' }", "'a:latest'"))).toBe("'a:latest'");
    expect(underlined(frame("名前: { image: '配置:latest' }", "'配置:latest'"))).toBe("'配置:latest'");
  });

  it("cuts a long line around the finding rather than print it whole", () => {
    const line = `x: [${"'filler', ".repeat(2000)}'a:latest', ${"'more', ".repeat(2000)}]`;
    const shown = frame(line, "'a:latest'");
    expect(shown.source.length).toBeLessThan(200);
    expect(shown.source.startsWith("…")).toBe(true);
    expect(shown.source.endsWith("…")).toBe(true);
    expect(underlined(shown)).toBe("'a:latest'");
    // Near the start, only the end is cut.
    const early = frame(`image: 'a:latest' # ${"note ".repeat(2000)}`, "'a:latest'");
    expect(early.source.startsWith("image: ")).toBe(true);
    expect(underlined(early)).toBe("'a:latest'");
  });
});

describe("the text report, given names with line breaks", () => {
  it("keeps each finding on its line, the break written as an escape", async () => {
    const project = mkdtempSync(join(tmpdir(), "deployview-text-"));
    writeFileSync(join(project, "compose.yaml"), 'services:\n  "a\\nb\\r\\tc": { image: "a:latest" }\n');
    const args = ["check", "compose.yaml", "--rule", "missing-health-check=off"];
    const lines = (await runCli(args, project)).stdout.split("\n");
    const findings = lines.filter((line) => /^\S/.test(line));
    expect(findings).toEqual([
      "compose.yaml:2:3: error 'a\\nb\\r\\tc' is not a name Compose takes for one of its services [schema-invalid-value]",
      "compose.yaml:2:25: warning 'a\\nb\\r\\tc' runs a:latest, which is not pinned to a version [image-latest-tag]",
      "1 error, 1 warning",
    ]);
  });
});

describe("the text report's summary", () => {
  const finding = (severity: Diagnostic["severity"]): Diagnostic => ({
    code: "ssh-port-exposed",
    severity,
    message: "m",
  });
  const summary = (...severities: Diagnostic["severity"][]) =>
    formatText(severities.map(finding), new Map(), { color: false, cwd: "/" }).trimEnd().split("\n").at(-1);

  it("counts infos too, when there are any", () => {
    expect(summary("error", "info", "info")).toBe("1 error, 0 warnings, 2 infos");
    expect(summary("warning", "info")).toBe("0 errors, 1 warning, 1 info");
    expect(summary("warning")).toBe("0 errors, 1 warning");
  });
});

describe("check --format sarif", () => {
  it("writes SARIF 2.1.0 that validates against its schema, with rules and located results", async () => {
    const result = await runCli(["check", "--format", "sarif"], dir);
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout);
    expectValidSarif(log);
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([
      "image-latest-tag",
      "plaintext-secret",
    ]);
    const secret = run.results.find((r: { ruleId: string }) => r.ruleId === "plaintext-secret");
    expect(secret.level).toBe("error");
    expect(secret.locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: "deployview.yaml" },
      region: { startLine: 3, startColumn: 113 },
    });
  });
});

describe("check --format sarif, on files whose names a URI cannot hold as they are", () => {
  it("percent-encodes each artifact's path, and links each rule to its page", async () => {
    const project = mkdtempSync(join(tmpdir(), "deployview-sarif-"));
    const folder = "stack #1 100% café 配置";
    mkdirSync(join(project, folder));
    writeFileSync(join(project, folder, "compose.yaml"), "services:\n  a: { image: 'a:latest' }\n");
    const args = ["check", `${folder}/compose.yaml`, "--format", "sarif"];
    const log = JSON.parse((await runCli(args, project)).stdout);
    expectValidSarif(log);
    const uris: string[] = log.runs[0].results.map(
      (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        r.locations[0]!.physicalLocation.artifactLocation.uri,
    );
    expect(new Set(uris)).toEqual(
      new Set(["stack%20%231%20100%25%20caf%C3%A9%20%E9%85%8D%E7%BD%AE/compose.yaml"]),
    );
    // RFC 3986: nothing but unreserved characters, delimiters and escapes.
    for (const uri of uris) expect(uri).toMatch(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]+$/);
    const rules: { id: string; helpUri?: string }[] = log.runs[0].tool.driver.rules;
    expect(rules.find((r) => r.id === "image-latest-tag")?.helpUri).toMatch(
      /^https:\/\/\S+\/docs\/rules\/image-latest-tag\.md$/,
    );
    for (const rule of rules) expect(() => new URL(rule.helpUri!)).not.toThrow();
    // Told nothing of the catalogue, a library caller's log still links a rule to its own page.
    const bare = JSON.parse(
      formatDiagnostics(
        [{ code: "image-latest-tag", severity: "warning", message: "m" }],
        new Map(),
        "sarif",
      ),
    );
    expect(bare.runs[0].tool.driver.rules[0].helpUri).toMatch(/\/docs\/rules\/image-latest-tag\.md$/);
  });

  it("names a file outside the folder it ran in by a file URI", async () => {
    const project = mkdtempSync(join(tmpdir(), "deployview-sarif-"));
    const elsewhere = mkdtempSync(join(tmpdir(), "deployview-sarif elsewhere-"));
    writeFileSync(join(elsewhere, "compose.yaml"), "services:\n  a: { image: 'a:latest' }\n");
    const log = JSON.parse(
      (await runCli(["check", join(elsewhere, "compose.yaml"), "--format", "sarif"], project)).stdout,
    );
    expectValidSarif(log);
    const uri: string = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
    expect(uri).toBe(pathToFileURL(join(elsewhere, "compose.yaml")).href);
  });
});

describe("check --format github", () => {
  it("writes one workflow annotation per finding, escaped", async () => {
    const result = await runCli(["check", "--format", "github"], dir);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^::warning file=deployview\.yaml,line=3,col=28,endLine=3,endColumn=45,title=deployview image-latest-tag::'api' runs shop\/api:latest/,
    );
    expect(lines[1]).toMatch(
      /^::error file=deployview\.yaml,line=3,col=113,.*title=deployview plaintext-secret::'API_TOKEN' of 'api' holds/,
    );
  });
});

describe("check --format github on standard input", () => {
  it("gives GitHub no file to place the annotation on, and keeps the place in the message", () => {
    const cwd = mkdtempSync(join(tmpdir(), "deployview-github-stdin-"));
    const file = standardInputPath(cwd);
    const text = "services:\n  web: { image: nginx }\n";
    const start = text.indexOf("nginx");
    const finding: Diagnostic = {
      code: "image-latest-tag",
      severity: "warning",
      message: "'web' runs nginx, which is not pinned to a version",
      file,
      start,
      end: start + 5,
    };
    const output = formatDiagnostics([finding], new Map([[file, text]]), "github", { color: false, cwd });
    expect(output).toBe(
      "::warning title=deployview image-latest-tag::<stdin>:2:17: 'web' runs nginx, which is not pinned to a version\n",
    );
  });
});

describe("check --format sarif on standard input", () => {
  it("describes the artifact as standard input, with no URI a viewer would look for as a file", () => {
    const cwd = mkdtempSync(join(tmpdir(), "deployview-sarif-stdin-"));
    const file = standardInputPath(cwd);
    const text = "services:\n  web: { image: nginx }\n";
    const start = text.indexOf("nginx");
    const finding: Diagnostic = {
      code: "image-latest-tag",
      severity: "warning",
      message: "'web' runs nginx, which is not pinned to a version",
      file,
      start,
      end: start + 5,
      related: [{ file, start: 12, end: 15, message: "the service" }],
    };
    const log = JSON.parse(
      formatDiagnostics([finding], new Map([[file, text]]), "sarif", { color: false, cwd }),
    );
    expectValidSarif(log);
    const result = log.runs[0].results[0];
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { description: { text: "standard input" } },
      region: { startLine: 2, startColumn: 17, endLine: 2, endColumn: 22 },
    });
    expect(result.relatedLocations[0].physicalLocation.artifactLocation).toEqual({
      description: { text: "standard input" },
    });
  });
});

describe("a finding with another place that belongs to it", () => {
  const project = mkdtempSync(join(tmpdir(), "deployview-related-"));
  writeFileSync(
    join(project, "compose.yaml"),
    "services:\n  api:\n    image: api:1.0\n    environment:\n      - LOG_LEVEL=debug\n      - LOG_LEVEL=info\n",
  );
  const args = (format: string) => [
    "check",
    "compose.yaml",
    "--rule",
    "missing-health-check=off",
    "--format",
    format,
  ];

  it("names that place in every format", async () => {
    const text = (await runCli(args("text"), project)).stdout;
    expect(text).toContain("compose.yaml:6:9: warning 'LOG_LEVEL' is set twice");
    expect(text).toContain("  first set here: compose.yaml:5:9\n");

    const json = JSON.parse((await runCli(args("json"), project)).stdout);
    expect(json.diagnostics[0].related).toEqual([
      {
        file: "compose.yaml",
        start: 61,
        end: 76,
        message: "first set here",
        range: { start: { line: 5, column: 9 }, end: { line: 5, column: 24 } },
      },
    ]);

    const sarif = JSON.parse((await runCli(args("sarif"), project)).stdout);
    expectValidSarif(sarif);
    expect(sarif.runs[0].results[0].relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: {
          artifactLocation: { uri: "compose.yaml" },
          region: { startLine: 5, startColumn: 9, endLine: 5, endColumn: 24 },
        },
        message: { text: "first set here" },
      },
    ]);

    const github = (await runCli(args("github"), project)).stdout;
    expect(github).toContain("only the last takes effect; first set here at compose.yaml:5:9");
  });
});

describe("check flags", () => {
  it("--rule turns a rule off, --max-warnings fails on warnings", async () => {
    const off = await runCli(["check", "--rule", "plaintext-secret=off", "--format", "json"], dir);
    expect(off.code).toBe(0);
    expect(JSON.parse(off.stdout).summary).toEqual({ errors: 0, warnings: 1, infos: 0 });
    const over = await runCli(["check", "--rule", "plaintext-secret=off", "--max-warnings", "0"], dir);
    expect([over.code, over.stderr]).toEqual([
      1,
      "deployview check: 1 warning, more than --max-warnings 0 allows\n",
    ]);
    expect((await runCli(["check", "--rule", "plaintext-secret"], dir)).code).toBe(2);
    // Digits only: an empty value, a blank, hexadecimal or an exponent is a mistake, not a number.
    for (const value of ["", " ", "0x10", "1e3", "-1", "1.5"])
      expect((await runCli(["check", `--max-warnings=${value}`], dir)).code, value).toBe(2);
  });

  it("--quiet reports errors only, and warnings then fail nothing", async () => {
    const all = JSON.parse((await runCli(["check", "--format", "json"], dir)).stdout);
    expect(all.summary.warnings).toBeGreaterThan(0);
    const quiet = await runCli(["check", "--quiet", "--format", "json"], dir);
    expect(JSON.parse(quiet.stdout).summary).toEqual({ ...all.summary, warnings: 0, infos: 0 });
    const off = await runCli(["check", "-q", "--rule", "plaintext-secret=off", "--max-warnings", "0"], dir);
    expect([off.code, off.stdout]).toEqual([0, "No problems found.\n"]);
  });
});

describe("deployview rules", () => {
  it("lists the catalogue, as text and as JSON", async () => {
    const text = await runCli(["rules"], dir);
    expect(text.stdout).toMatch(/^build-and-image\s+info\s+A service has both a build and an image\.$/m);
    const json = JSON.parse((await runCli(["rules", "--format", "json"], dir)).stdout);
    expect(json.find((r: { id: string }) => r.id === "plaintext-secret")).toMatchObject({
      severity: "error",
    });
  });
});
