import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics.js";
import { formatText } from "../../src/report/text.js";
import { runCli } from "../helpers/cli.js";
import { folderWith } from "../helpers/files.js";
import { workloadHead } from "../rules/cases.js";

const FORMATS = ["text", "json", "sarif", "github"] as const;

/** Each format's report of `deployview check` run on `target` in `folder`. */
async function reports(folder: string, target: string): Promise<Record<(typeof FORMATS)[number], string>> {
  const [text, json, sarif, github] = await Promise.all(
    FORMATS.map(async (format) => (await runCli(["check", target, "--format", format], folder)).stdout),
  );
  return { text: text!, json: json!, sarif: sarif!, github: github! };
}

/** The code frame printed under the finding at `place` (file:line:col) of a text report. */
function frameAt(text: string, place: string): { source: string; underline: string } {
  const lines = text.split("\n");
  const at = lines.findIndex((line) => line.startsWith(`${place}: `));
  expect(at, `no finding at ${place}`).toBeGreaterThanOrEqual(0);
  return { source: lines[at + 1]!, underline: lines[at + 2]! };
}

/** What the underline of a frame stands under, in a frame of ASCII text. */
const underlined = ({ source, underline }: { source: string; underline: string }) =>
  source.slice(underline.indexOf("^"), underline.lastIndexOf("^") + 1);

describe("a secret in a compose file", () => {
  const secrets = [
    "hunter2secret",
    "s3cretvalue",
    "healthpw99",
    "tok3nvalue12345",
    "flowsecret77",
    "quotedpass55",
    "quotedcookie66",
    "entrypw42",
  ];
  const folder = folderWith({
    "compose.yaml": [
      "services:",
      "  db:",
      "    image: postgres:16",
      "    environment:",
      "      POSTGRES_PASSWORD: hunter2secret",
      "  api:",
      "    image: example/api:1.2",
      '    command: ["server", "--password=s3cretvalue", "--port", "80"]',
      "    environment:",
      "      - API_TOKEN=tok3nvalue12345",
      "    healthcheck:",
      '      test: ["CMD", "mysqladmin", "ping", "-phealthpw99"]',
      "  web: { image: 'web:latest', environment: { DB_PASSWORD: flowsecret77 } }",
      "  app: { image: 'app:1.0', entrypoint: [server, '--password=entrypw42'] }",
      "  queue:",
      "    image: rabbitmq:3.13",
      "    environment:",
      '      - "RABBITMQ_DEFAULT_PASS=quotedpass55"',
      "      - 'API_SECRET=quotedcookie66'",
      "",
    ].join("\n"),
  });

  it("reaches no report, in any format", async () => {
    const written = await reports(folder, "compose.yaml");
    for (const [format, report] of Object.entries(written))
      for (const secret of secrets) expect(report, `${secret} in ${format}`).not.toContain(secret);
  });

  it("is masked character for character in the frame under its finding, the underline under the mask", async () => {
    const { text } = await reports(folder, "compose.yaml");
    const variable = frameAt(text, "compose.yaml:5:26");
    expect(variable.source).toBe("  5 |       POSTGRES_PASSWORD: *************");
    expect(underlined(variable)).toBe("*".repeat("hunter2secret".length));
    const command = frameAt(text, "compose.yaml:8:37");
    expect(command.source).toBe('  8 |     command: ["server", "--password=***********", "--port", "80"]');
    expect(underlined(command)).toBe("***********");
    const health = frameAt(text, "compose.yaml:12:46");
    expect(health.source).toBe('  12 |       test: ["CMD", "mysqladmin", "ping", "-p**********"]');
    expect(underlined(health)).toBe("**********");
    const entrypoint = frameAt(text, "compose.yaml:14:61");
    expect(entrypoint.source).toBe(
      "  14 |   app: { image: 'app:1.0', entrypoint: [server, '--password=*********'] }",
    );
    expect(underlined(entrypoint)).toBe("*********");
  });

  it("is masked alone where its finding flags what holds it, a list's entry", async () => {
    const { text } = await reports(folder, "compose.yaml");
    expect(frameAt(text, "compose.yaml:10:9").source).toBe("  10 |       - API_TOKEN=***************");
    // Quoted, the entry's name and quotes are no more secret than they are unquoted.
    expect(frameAt(text, "compose.yaml:18:9").source).toBe(
      '  18 |       - "RABBITMQ_DEFAULT_PASS=************"',
    );
    expect(frameAt(text, "compose.yaml:19:9").source).toBe("  19 |       - 'API_SECRET=**************'");
  });

  it("is masked in the frame of another finding that shows its line", async () => {
    const { text } = await reports(folder, "compose.yaml");
    // The unpinned image's frame shows the line that sets the variable too.
    const image = frameAt(text, "compose.yaml:13:17");
    expect(image.source).toBe(
      "  13 |   web: { image: 'web:latest', environment: { DB_PASSWORD: ************ } }",
    );
    expect(underlined(image)).toBe("'web:latest'");
  });
});

describe("a secret whose own finding is not reported", () => {
  const compose = [
    "services:",
    "  web: { image: 'web:latest', environment: { DB_PASSWORD: flowsecret77 } }",
    "  api: { image: 'api:latest', command: ['server', '--password=cmdsecret88'] }",
    "",
  ].join("\n");
  const suppressed = [
    "services:",
    "  # deployview-disable-next-line plaintext-secret -- a throwaway password of the test database",
    "  web: { image: 'web:latest', environment: { DB_PASSWORD: flowsecret77 } }",
    "",
  ].join("\n");
  const model = [
    "system: { name: S, description: d }",
    "lint: { rules: { plaintext-secret: 'off' } }",
    "services:",
    "  web: { kind: web, image: 'web:latest', env: { DB_PASSWORD: flowsecret77 } }",
    "environments:",
    "  production:",
    "    platform: compose",
    "    nodes: { vm: { kind: host, run: [web] } }",
    "",
  ].join("\n");
  const development = [
    "services:",
    "  web: { image: 'web:1.0', mem_limit: 2x, environment: { DB_PASSWORD: flowsecret77 } }",
    "",
  ].join("\n");
  const folder = folderWith({
    "compose.yaml": compose,
    "compose.dev.yaml": development,
    "suppressed.yaml": suppressed,
    "deployview.yaml": model,
  });
  const textOf = async (...args: string[]) => (await runCli(["check", ...args], folder)).stdout;

  it("is masked in the frame of another finding on its line where its rule is turned off", async () => {
    const text = await textOf(
      "compose.yaml",
      "--rule",
      "plaintext-secret=off",
      "--rule",
      "secret-in-command=off",
    );
    expect(frameAt(text, "compose.yaml:2:17").source).toBe(
      "  2 |   web: { image: 'web:latest', environment: { DB_PASSWORD: ************ } }",
    );
    expect(frameAt(text, "compose.yaml:3:17").source).toBe(
      "  3 |   api: { image: 'api:latest', command: ['server', '--password=***********'] }",
    );
  });

  it("is masked in the frame of another finding on its line where its finding is suppressed", async () => {
    const text = await textOf("suppressed.yaml");
    expect(text).not.toContain("flowsecret77");
    expect(frameAt(text, "suppressed.yaml:3:17").source).toBe(
      "  3 |   web: { image: 'web:latest', environment: { DB_PASSWORD: ************ } }",
    );
  });

  it("is masked in the frame of an error on its line where --quiet leaves out its warning", async () => {
    const text = await textOf("compose.dev.yaml", "--quiet");
    expect(text).not.toContain("plaintext-secret");
    expect(frameAt(text, "compose.dev.yaml:2:39").source).toBe(
      "  2 |   web: { image: 'web:1.0', mem_limit: 2x, environment: { DB_PASSWORD: ************ } }",
    );
  });

  it("is masked where the model turns its rule off", async () => {
    const text = await textOf("deployview.yaml");
    expect(text).toContain("image-latest-tag");
    expect(text).not.toContain("flowsecret77");
  });
});

describe("a secret in a model that compose and k8s write out", () => {
  const folder = folderWith({
    "deployview.yaml": [
      "system: { name: S, description: d }",
      "services:",
      "  db: { kind: database, image: 'postgres:16', ports: { pg: 5432 }, env: { POSTGRES_PASSWORD: hunter2hunter2 } }",
      "environments:",
      "  dev:",
      "    platform: compose",
      "    nodes: { vm: { kind: host, run: [db] } }",
      "  production:",
      "    platform: kubernetes",
      "    nodes: { cluster: { kind: cluster, run: [db] } }",
      "",
    ].join("\n"),
  });

  it.each([
    ["compose", "dev"],
    ["k8s", "production"],
  ])("is masked in the frame of a finding %s reports on its line", async (command, environment) => {
    const result = await runCli([command, "--env", environment, "--out", "out"], folder);
    expect(result.stderr).toContain("deployview.yaml:3:3");
    expect(result.stderr).not.toContain("hunter2hunter2");
    expect(result.stderr).toContain("POSTGRES_PASSWORD: **************");
  });
});

describe("a secret in a Kubernetes manifest", () => {
  const folder = folderWith({
    "app.yaml": [
      ...workloadHead("Deployment", "web"),
      "    spec:",
      "      containers:",
      "        - name: web",
      "          image: 'web:1.0'",
      '          args: ["--port", "80", "--password=argsecret42"]',
      "          env:",
      "            - name: DB_PASSWORD",
      "              value: envsecret4242",
      "",
    ].join("\n"),
  });

  it("reaches no report, in any format, from env or from args", async () => {
    const written = await reports(folder, "app.yaml");
    for (const [format, report] of Object.entries(written))
      for (const secret of ["argsecret42", "envsecret4242"])
        expect(report, `${secret} in ${format}`).not.toContain(secret);
  });

  it("is masked in the frames under its findings, the underline under the mask", async () => {
    const { text } = await reports(folder, "app.yaml");
    const args = frameAt(text, "app.yaml:12:46");
    expect(args.source).toBe('  12 |           args: ["--port", "80", "--password=***********"]');
    expect(underlined(args)).toBe("***********");
    const env = frameAt(text, "app.yaml:15:22");
    expect(env.source).toBe("  15 |               value: *************");
    expect(underlined(env)).toBe("*************");
  });
});

describe("a Secret's value that the manifests write again in plain text", () => {
  const folder = folderWith({
    "app.yaml": [
      ...workloadHead("Deployment", "web"),
      "    spec: { containers: [{ name: web, image: 'web:latest', args: ['--db', 'hunter2hunter2x'] }] }",
      "---",
      "apiVersion: v1",
      "kind: Secret",
      "metadata: { name: db }",
      "data:",
      "  password: aHVudGVyMmh1bnRlcjJ4",
      "",
    ].join("\n"),
  });

  it("is masked in the frame of another finding on its line, as its base64 is where the Secret writes it", async () => {
    const { text } = await reports(folder, "app.yaml");
    expect(text).not.toContain("hunter2hunter2x");
    expect(frameAt(text, "app.yaml:8:46").source).toBe(
      "  8 |     spec: { containers: [{ name: web, image: 'web:latest', args: ['--db', '***************'] }] }",
    );
  });
});

describe("the text report, given a secret finding", () => {
  const file = "/p/compose.yaml";
  const text = "x:\n  TOKEN: abc123secret\n  note: copy of abc123secret, and 'a:latest'\n";
  const at = (code: Diagnostic["code"], found: string, from = 0): Diagnostic => {
    const start = text.indexOf(found, from);
    return { code, severity: "error", message: "m", file, start, end: start + found.length };
  };
  const report = (diagnostics: Diagnostic[]) =>
    formatText(diagnostics, new Map([[file, text]]), { color: false, cwd: "/p" });

  it("masks its value wherever a frame of that file shows it", () => {
    const shown = report([at("plaintext-secret", "abc123secret"), at("image-latest-tag", "'a:latest'")]);
    expect(shown).not.toContain("abc123secret");
    expect(shown).toContain("  3 |   note: copy of ************, and 'a:latest'");
  });

  it("leaves a file's frames as written where no secret finding is", () => {
    expect(report([at("image-latest-tag", "'a:latest'")])).toContain(
      "  3 |   note: copy of abc123secret, and 'a:latest'",
    );
  });

  it("masks a command's secret to the end of the quoted word that holds it, and all of a command it cannot read", () => {
    const frameOf = (line: string) => {
      const diagnostic: Diagnostic = {
        code: "secret-in-command",
        severity: "error",
        message: "m",
        file,
        start: 3,
        end: line.length,
      };
      return formatText([diagnostic], new Map([[file, `${line}\n`]]), { color: false, cwd: "/p" }).split(
        "\n",
      )[1];
    };
    expect(frameOf('c: ["run", "--password=two words", "-v"]')).toBe(
      '  1 | c: ["run", "--password=*********", "-v"]',
    );
    expect(frameOf("c: ['run', '--password=it''s', '-v']")).toBe(
      "  1 | c: ['run', '--password=*****', '-v']",
    );
    expect(frameOf("c: it's run --password=x")).toBe(`  1 | c: ${"*".repeat(21)}`);
  });
});

describe("a Secret written in a manifest", () => {
  const folder = folderWith({
    "app.yaml": [
      ...workloadHead("Deployment", "web"),
      "    spec: { containers: [{ name: web, image: 'web:1.0' }] }",
      "---",
      "apiVersion: v1",
      "kind: Secret",
      "metadata: { name: db }",
      "data:",
      "  username: c2hvcHVzZXI=",
      "  password: aHVudGVyMmh1bnRlcjJ4",
      "  token: c2VjcmV0dG9rZW4=",
      "  key: dXNlcg==",
      "",
    ].join("\n"),
  });
  const values = ["c2hvcHVzZXI=", "aHVudGVyMmh1bnRlcjJ4", "c2VjcmV0dG9rZW4=", "dXNlcg=="];

  it("reaches no report, in any format, nor any of its values", async () => {
    const written = await reports(folder, "app.yaml");
    for (const [format, report] of Object.entries(written))
      for (const value of values) expect(report, `${value} in ${format}`).not.toContain(value);
  });

  it("is masked whole, a base64 value's padding as well", () => {
    const file = "/p/app.yaml";
    const text = "data:\n  key: dXNlcg==\n";
    const start = text.indexOf("dXNlcg==");
    const found: Diagnostic = {
      code: "plaintext-secret",
      severity: "error",
      message: "m",
      file,
      start,
      end: start + 8,
    };
    expect(formatText([found], new Map([[file, text]]), { color: false, cwd: "/p" })).toContain(
      "  2 |   key: ********",
    );
  });

  it("is masked at each value its finding names, in the frame of another finding on that line", () => {
    const file = "/p/app.yaml";
    const text = "data:\n  a: Zmlyc3RzZWNyZXQ=\n  b: c2Vjb25kc2VjcmV0\n";
    const range = (found: string) => ({
      file,
      start: text.indexOf(found),
      end: text.indexOf(found) + found.length,
    });
    const secret: Diagnostic = {
      code: "plaintext-secret",
      severity: "error",
      message: "m",
      ...range("Zmlyc3RzZWNyZXQ="),
      related: [{ ...range("c2Vjb25kc2VjcmV0"), message: "'b' is written here" }],
    };
    const other: Diagnostic = {
      code: "duplicate-variable",
      severity: "warning",
      message: "m",
      ...range("b:"),
    };
    const shown = formatText([secret, other], new Map([[file, text]]), { color: false, cwd: "/p" });
    expect(shown).not.toContain("c2Vjb25kc2VjcmV0");
    expect(shown).toContain(`  3 |   b: ${"*".repeat(16)}`);
  });
});
