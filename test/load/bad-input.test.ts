import { describe, expect, it } from "vitest";
import { loadModelText } from "../../src/load/index.js";
import { firstTooDeep } from "../../src/load/yaml-file.js";
import { located } from "../helpers/positions.js";

const base = `system: { name: Shop }
services:
  web:
    kind: web
    image: nginx:1.27
    ports: { http: 80 }
    uses: { api: HTTP }
  api:
    kind: api
    image: shop/api:1.0
    ports: { http: 8080 }
    memory: 256Mi
environments:
  dev:
    platform: compose
    nodes:
      laptop:
        kind: host
        budget: { memory: 1Gi }
        run: [web, api]
`;

function load(text: string) {
  const result = loadModelText(text, "model.yaml");
  return { ...result, found: located(result.diagnostics, result.sources) };
}

describe("a valid model", () => {
  it("loads without diagnostics", () => {
    const { model, found } = load(base);
    expect(found).toEqual([]);
    expect(model?.environments[0]?.instances.map((i) => i.id)).toEqual(["web", "api"]);
  });
});

describe("bad input gives one located diagnostic", () => {
  const cases: { name: string; text: string; expected: string[]; hint?: RegExp }[] = [
    // At the brace left open, not where the parser gave up on it.
    { name: "malformed YAML", text: "system: { name: Shop\nservices: {}\n", expected: ["yaml-syntax@1:9"] },
    {
      name: "a flow sequence left open",
      text: base.replace("run: [web, api]", "run: [web, api\n  staging: {}"),
      expected: ["yaml-syntax@20:14"],
    },
    {
      // The brace it swallowed is not another mistake to report.
      name: "a quote left open in a flow mapping",
      text: base.replace("system: { name: Shop }", 'system: { name: "Shop }'),
      expected: ["yaml-syntax@1:17"],
    },
    {
      name: "a quote left open",
      text: base.replace("system: { name: Shop }", 'system:\n  name: "Shop\n  description: x'),
      expected: ["yaml-syntax@2:9"],
    },
    {
      name: "duplicate key",
      text: base.replace("    kind: api\n", "    kind: api\n    kind: web\n"),
      expected: ["yaml-duplicate-key@10:5"],
    },
    {
      // YAML's infinity, or a number no runtime takes, is refused where it is written, not written out.
      name: "an infinite replica count",
      text: base.replace("run: [web, api]", "run: { web: { replicas: .inf }, api: }"),
      expected: ["schema-invalid-value@20:33"],
    },
    {
      name: "a port beyond 65535 in a health check",
      text: base.replace("    memory: 256Mi", "    memory: 256Mi\n    health: { tcp: 99999 }"),
      expected: ["schema-invalid-value@13:20"],
    },
    {
      name: "a memory beyond what a number holds exactly",
      text: base.replace("memory: 256Mi", "memory: 9.5e293M"),
      expected: ["invalid-quantity@12:13"],
    },
    {
      name: "misspelt top-level key",
      text: base.replace("services:", "servcies:"),
      expected: ["schema-unknown-key@2:1"],
      hint: /did you mean 'services'/,
    },
    {
      name: "unknown key in a service",
      text: base.replace("    memory: 256Mi", "    memroy: 256Mi"),
      expected: ["schema-unknown-key@12:5"],
      hint: /memory/,
    },
    {
      name: "wrong type",
      text: base.replace("ports: { http: 80 }", "ports: { http: eighty }"),
      expected: ["schema-wrong-type@6:20"],
    },
    {
      name: "unknown kind",
      text: base.replace("kind: api", "kind: apii"),
      expected: ["schema-invalid-value@9:11"],
      hint: /did you mean 'api'/,
    },
    {
      name: "container name Docker would refuse",
      text: base.replace("run: [web, api]", "run: { web: {}, api: { container-name: shop api } }"),
      expected: ["schema-invalid-value@20:48"],
      hint: /letters, digits/,
    },
    {
      name: "missing required key",
      text: base.replace("    kind: api\n", ""),
      expected: ["schema-missing-key@8:3"],
    },
    {
      name: "reference to an unknown service in run",
      text: base.replace("run: [web, api]", "run: [web, apj]"),
      expected: ["unknown-service@20:20"],
      hint: /did you mean 'api'/,
    },
    {
      name: "reference to an unknown service in uses",
      text: base.replace("uses: { api: HTTP }", "uses: { db: SQL }"),
      expected: ["unknown-service@7:13"],
    },
    {
      name: "a service placed twice on one node",
      text: base.replace("run: [web, api]", "run: [web, api, web]"),
      expected: ["duplicate-instance@20:25"],
    },
    {
      name: "a node nested in itself",
      text: base.replace(
        "        run: [web, api]",
        "        run: [web, api]\n        nodes:\n          laptop: { kind: vm }",
      ),
      expected: ["node-cycle@22:11"],
    },
    {
      name: "an unreadable quantity",
      text: base.replace("memory: 256Mi", "memory: lots"),
      expected: ["invalid-quantity@12:13"],
    },
    {
      name: "__proto__ key",
      text: base.replace("    kind: api\n", "    kind: api\n    __proto__: { polluted: true }\n"),
      expected: ["forbidden-key@10:5"],
    },
    {
      name: "an alias that contains itself",
      text: `${base}x: &loop { inner: *loop }\n`,
      expected: ["yaml-alias-cycle@21:19"],
    },
    {
      name: "an alias that names no anchor",
      text: `${base}x: { inner: *nowhere }\n`,
      expected: ["yaml-syntax@21:13"],
      hint: /define &nowhere/,
    },
    { name: "two documents", text: `${base}---\nsystem: {}\n`, expected: ["yaml-multiple-documents@22:1"] },
    { name: "not a mapping", text: "- a\n- b\n", expected: ["schema-wrong-type@1:1"] },
    // The file as a whole, which has no line to point at.
    { name: "an empty file", text: "# nothing yet\n", expected: ["schema-wrong-type"] },
    {
      name: "unknown port in publish",
      text: base.replace("run: [web, api]", "run: { web: { publish: [htp] }, api: }"),
      expected: ["unknown-port@20:33"],
      hint: /did you mean 'http'/,
    },
    {
      name: "promotion to an unknown environment",
      text: base.replace(
        "    platform: compose",
        "    platform: compose\n    promotes-to: { prod: tests pass }",
      ),
      expected: ["unknown-environment@16:20"],
    },
    {
      name: "a misspelt kind and a misspelt key in one service, said at once",
      text: base.replace("    kind: api\n", "    kind: apii\n    imagee: x\n"),
      expected: ["schema-unknown-key@10:5", "schema-invalid-value@9:11"],
    },
    {
      name: "a route with a host in it, which no Ingress or proxy takes for a path",
      text: base.replace(
        "        run: [web, api]",
        "        run: [web, api]\n        routes: { shop.example.com/: web }",
      ),
      expected: ["schema-invalid-value@21:19"],
      hint: /host: shop\.example\.com\) and the route as \/$/,
    },
    {
      // The word other linters use for the level: the value is told apart from its key.
      name: "a rule's severity written warning",
      text: `${base}lint: { rules: { image-latest-tag: warning } }\n`,
      expected: ["schema-invalid-value@21:36"],
      hint: /^did you mean 'warn'\?$/,
    },
    {
      name: "a gateway's route that is no path",
      text: base.replace("    uses: { api: HTTP }", "    uses: { api: HTTP }\n    routes: { api: api }"),
      expected: ["schema-invalid-value@8:15"],
      hint: /write it as \/api/,
    },
    {
      // YAML 1.1's binary is text to a model, not bytes each reported as a service.
      name: "binary data where the services belong",
      text: base.replace("services:\n", "services: !!binary aGVsbG8=\nx-services:\n"),
      expected: ["schema-unknown-key@3:1", "schema-wrong-type@2:20"],
    },
    {
      // Compose and kubectl refuse such a key too: a name is text.
      name: "a key that is a collection",
      text: base.replace("services:\n", "services:\n  ? [a, b]\n  : { kind: api }\n"),
      expected: ["schema-wrong-type@3:5"],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { model, found, diagnostics } = load(c.text);
      expect(found).toEqual(c.expected);
      expect(model).toBeUndefined();
      if (c.hint) expect(diagnostics[0]?.hint).toMatch(c.hint);
      for (const d of diagnostics) expect(d.message).not.toMatch(/line \d|column \d|\d+:\d+/);
    });
  }
});

describe("hostile input", () => {
  it("stops an alias bomb", () => {
    const rows = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [name, previous] of [
      ["b", "a"],
      ["c", "b"],
      ["d", "c"],
      ["e", "d"],
      ["f", "e"],
    ]) {
      rows.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(",")}]`);
    }
    const started = performance.now();
    const { found } = load(`${rows.join("\n")}\n`);
    expect(found).toEqual(["yaml-alias-limit@1:1"]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses a file over the size limit without parsing it", () => {
    const started = performance.now();
    const { found } = load(`# ${"x".repeat(50 * 1024 * 1024)}\n`);
    // The whole file, at no line of it.
    expect(found).toEqual(["file-too-large"]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("refuses deep nesting", () => {
    const { found } = load(`${"[".repeat(200)}${"]".repeat(200)}\n`);
    // At the first collection past the limit of 64, not at the start of the document.
    expect(found).toEqual(["yaml-too-deep@1:65"]);
    const blocks = load(
      `system: { name: x }\nnested:\n${Array.from({ length: 70 }, (_, i) => `${" ".repeat(i)}- `).join("\n")}x\n`,
    );
    expect(blocks.found).toEqual(["yaml-too-deep@66:64"]);
  });

  it("finds where flow nesting passes the limit, past quoted brackets and comments", () => {
    const deep = "[".repeat(65);
    expect(firstTooDeep(`a: "${deep}"\nb: '${deep}'\n# ${deep}\n`)).toBeUndefined();
    expect(firstTooDeep(`a: it's ${deep}`)).toBe(8 + 64);
    expect(firstTooDeep(`a: "\\"${deep}"\nb: ${deep}`)).toBe(`a: "\\"${deep}"\nb: `.length + 64);
  });

  it("survives nesting deep enough to exhaust a recursive parser", () => {
    const { diagnostics } = load(`${"[".repeat(100_000)}\n`);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.severity === "error")).toBe(true);
    // Closed, the same nesting overflows the package's stack inside one value.
    const closed = load(`key: ${"[".repeat(5000)}${"]".repeat(5000)}\n`);
    expect(closed.found).toEqual(["yaml-too-deep@1:70"]);
    expect(closed.diagnostics[0]!.message).toBe("the document nests too deeply to read");
  });

  it("names a size or a disk that cannot be read as such, not as memory", () => {
    const { found, diagnostics } = load(`system: { name: x }
services:
  a: { kind: api, image: "a:1.0", volumes: { d: { path: /d, size: 10 apples } } }
environments:
  dev: { platform: compose, nodes: { h: { kind: host, capacity: { disk: lots }, run: { a: { storage: { d: big } } } } } }
`);
    expect(found).toEqual(["invalid-quantity@3:67", "invalid-quantity@5:73", "invalid-quantity@5:107"]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      "cannot read the volume size '10 apples' of 'a'",
      "cannot read the disk 'lots'",
      "cannot read the volume size 'big'",
    ]);
  });

  it("refuses a health check's timing that is no duration, and an address to bind to that is no address", () => {
    const { found, diagnostics } = load(`system: { name: x }
services:
  a: { kind: api, image: "a:1.0", ports: { http: 80 }, health: { command: ["true"], interval: soon, timeout: 1m30s } }
environments:
  dev: { platform: compose, nodes: { h: { kind: host, run: { a: { publish: { http: { host: 8080, bind: localhost } } } } } } }
`);
    expect(found).toEqual(["schema-invalid-value@3:95", "schema-invalid-value@5:104"]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      "services.a.health.interval 'soon' is not a duration",
      "environments.dev.nodes.h.run.a.publish.http.bind 'localhost' is not an IP address to bind to",
    ]);
  });

  it("names the values a choice of fixed values takes, not a constant", () => {
    for (const written of ["true", "yes"]) {
      const { found, diagnostics } = load(
        base.replace("run: [web, api]", `run: { web: { replicas: 2, spread: ${written} }, api: }`),
      );
      expect(found).toEqual(["schema-invalid-value@20:44"]);
      expect(diagnostics.map((d) => d.message)).toEqual([
        `environments.dev.nodes.laptop.run.web.spread must be one of false, node, zone, not '${written}'`,
      ]);
    }
  });

  it("names a key written twice, and marks the whole of it", () => {
    const { diagnostics, sources } = load("system: { name: x, name: y }\n");
    expect(diagnostics.map((d) => d.message)).toEqual(["the key 'name' appears twice in the same mapping"]);
    expect(diagnostics[0]!.end! - diagnostics[0]!.start!).toBe(4);
    expect(sources.size).toBe(1);
  });

  it("counts the columns of a first line after its byte order mark, as editors do", () => {
    expect(load("\ufeffsystem: { nme: X }\n").found).toContain("schema-unknown-key@1:11");
  });

  it("does not pollute prototypes", () => {
    load("__proto__: { polluted: true }\nsystem: { name: x }\n");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
