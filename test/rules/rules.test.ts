import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { coreDiagnosticCodes, ruleIds } from "../../src/diagnostic-codes.js";
import { loadComposeAsModel } from "../../src/import/compose/index.js";
import { loadManifestsAsModel } from "../../src/import/kubernetes/index.js";
import { type LoadResult, loadModelText } from "../../src/load/index.js";
import { SourceIndex } from "../../src/report/position.js";
import { lint, rules, type SeveritySetting } from "../../src/rules/index.js";
import { repoRoot } from "../helpers/examples.js";
import { folderWith } from "../helpers/files.js";
import { head, cases as hitsAndMisses, oneContainer, workloadHead } from "./cases.js";
import { missCases } from "./miss-cases.js";

const cases = [...hitsAndMisses, ...missCases];

function findings(text: string, rule?: string) {
  return findingsOf(loadModelText(text, "model.yaml"), rule);
}

/** A case given as files is a compose project (the first file is the compose file), or a folder of manifests. */
async function composeFindings(files: Record<string, string>, rule?: string, manifests = false) {
  const dir = folderWith(files, "deployview-rule-");
  const loaded = manifests
    ? await loadManifestsAsModel([dir])
    : await loadComposeAsModel([join(dir, Object.keys(files)[0]!)]);
  return findingsOf(loaded, rule);
}

function findingsOf(loaded: LoadResult, rule?: string) {
  expect(
    loaded.diagnostics.filter((d) => d.severity !== "info"),
    JSON.stringify(loaded.diagnostics),
  ).toEqual([]);
  // A rule that is off unless turned on is turned on at its own severity for its cases.
  const optIn = rules.find((r) => r.id === rule && r.optIn);
  const severities: Record<string, SeveritySetting> = optIn
    ? { [optIn.id]: optIn.severity === "warning" ? "warn" : optIn.severity }
    : {};
  const found = lint(loaded.model!, {
    sources: loaded.sources,
    severities,
    ...(loaded.wholeFiles ? { wholeFiles: loaded.wholeFiles } : {}),
  });
  const index = new SourceIndex(loaded.sources);
  return found
    .filter((d) => rule === undefined || d.code === rule)
    .map((d) => {
      const range = index.range(d)!;
      return { where: `${range.start.line}:${range.start.column}`, diagnostic: d };
    });
}

describe("findings an analysis makes below the rule's severity", () => {
  it("stay a step below it: memory that may exceed a budget is a warning, memory that does is an error", () => {
    const text = (request: string) =>
      `system: { name: Shop }\nservices:\n  w: { kind: worker, image: "w:1.0", memory: { request: ${request}, limit: 3GB } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, budget: { memory: 2GB }, run: [w] } } }\n`;
    const severities = (request: string) =>
      findings(text(request), "memory-over-budget").map((f) => f.diagnostic.severity);
    expect(severities("1GB")).toEqual(["warning"]);
    expect(severities("2.5GB")).toEqual(["error"]);
  });

  it("count the CPU requests of as many replicas as an autoscaler may run", () => {
    const text = `system: { name: Shop }\nservices:\n  w: { kind: worker, image: "w:1.0", cpu: 1 }\nenvironments:\n  k: { platform: kubernetes, nodes: { c: { kind: cluster, capacity: { cpu: 2 }, run: { w: { replicas: { min: 2, max: 8 } } } } } }\n`;
    const found = findings(text, "cpu-over-capacity");
    expect(found.map((f) => [f.diagnostic.severity, f.diagnostic.message])).toEqual([
      ["warning", expect.stringContaining("2–8")],
    ]);
  });
});

describe("each rule, table-driven", () => {
  for (const c of cases) {
    it(`${c.rule}: ${c.expected.length > 0 ? `finds ${c.expected.join(", ")}` : "finds nothing"}`, async () => {
      const found = c.files ? await composeFindings(c.files, c.rule, c.manifests) : findings(c.text, c.rule);
      expect(found.map((f) => f.where)).toEqual(c.expected);
      const rule = rules.find((r) => r.id === c.rule)!;
      for (const f of found) expect(f.diagnostic.severity).toBe(c.severity ?? rule.severity);
    });
  }
});

describe("manifests checked from a folder named for production or development", () => {
  const app = `${oneContainer("Deployment", "web").join("\n")}\n`;
  const dir = folderWith(
    { "overlays/production/app.yaml": app, "overlays/Prod/app.yaml": app, "overlays/staging/app.yaml": app },
    "deployview-environment-",
  );
  const single = async (path: string) =>
    findingsOf(await loadManifestsAsModel([join(dir, path)]), "single-replica-in-production").map(
      (f) => f.where,
    );

  it("run in production, as a compose.prod.yaml does, checked as a folder or a file of it", async () => {
    expect(await single("overlays/production")).toEqual(["3:13"]);
    expect(await single("overlays/Prod/app.yaml")).toEqual(["3:13"]);
  });

  it("run nowhere in particular where the folder is named otherwise", async () => {
    expect(await single("overlays/staging")).toEqual([]);
    expect(await single("overlays/staging/app.yaml")).toEqual([]);
  });
});

describe("manifests whose namespace is named for production or development", () => {
  const app = (namespace: string) =>
    `${[...workloadHead("Deployment", "web", namespace), "    spec: { containers: [{ name: web, image: 'web:1.0' }] }"].join("\n")}\n`;
  const dir = folderWith(
    {
      "web/app.yaml": app("production"),
      "site/app.yaml": app("prod"),
      "staging/app.yaml": app("staging"),
      "both/app.yaml": `${app("production")}---\n${app("dev").replaceAll("web", "api")}`,
      "overlays/production/app.yaml": app("dev"),
      "overlays/dev/app.yaml": app("production"),
      "shop/kustomization.yaml": "namespace: live\nresources: [app.yaml]\n",
      "shop/app.yaml": `${oneContainer("Deployment", "web").join("\n")}\n`,
    },
    "deployview-namespace-",
  );
  const single = async (path: string) =>
    findingsOf(await loadManifestsAsModel([join(dir, path)]), "single-replica-in-production").map(
      (f) => f.where,
    );

  it("run in production, as those in a folder so named do", async () => {
    expect(await single("web")).toEqual(["3:13"]);
    expect(await single("site/app.yaml")).toEqual(["3:13"]);
  });

  it("run in production where a kustomization puts them in such a namespace", async () => {
    expect(await single("shop")).toEqual(["3:13"]);
  });

  it("run nowhere in particular where the namespaces say nothing, or say different things", async () => {
    expect(await single("staging")).toEqual([]);
    expect(await single("both")).toEqual([]);
  });

  it("run where their folder says, where folder and namespace disagree", async () => {
    expect(await single("overlays/production")).toEqual(["3:13"]);
    expect(await single("overlays/dev")).toEqual([]);
  });
});

describe("a port published on every interface", () => {
  it("is named by its pool of host ports where it has one, in the message and in the hint", async () => {
    const found = await composeFindings(
      { "compose.yaml": "services:\n  api:\n    image: a:1\n    ports: ['8000-8005:80']\n" },
      "port-on-all-interfaces",
    );
    expect(found.map((f) => [f.diagnostic.message, f.diagnostic.hint])).toEqual([
      [
        "'api' is published on host ports 8000-8005 with no address, so on every interface of the host",
        expect.stringContaining(" as 127.0.0.1:8000-8005:80 in Compose "),
      ],
    ]);
  });
});

describe("a datastore published beyond localhost", () => {
  it("is named by its pool of host ports where it has one", async () => {
    const found = await composeFindings(
      { "compose.yaml": "services:\n  db:\n    image: postgres:16\n    ports: ['5432-5434:5432']\n" },
      "exposed-datastore",
    );
    expect(found.map((f) => f.diagnostic.message)).toEqual([
      "database 'db' is published on host ports 5432-5434 on every interface of the host",
    ]);
  });

  it("is said to be on every interface of the host, or at the address it is bound to", async () => {
    const found = await composeFindings(
      {
        "compose.yaml": [
          "services:",
          "  queue:",
          "    image: rabbitmq:4.3.2-management-alpine",
          "    volumes: [data:/var/lib/rabbitmq]",
          "    ports: ['5672:5672', '10.0.0.5:15672:15672', '0.0.0.0:5671:5671', '[::]:5673:5672', '127.0.0.1:5674:5672']",
          "volumes: { data: {} }",
          "",
        ].join("\n"),
      },
      "exposed-datastore",
    );
    expect(found.map((f) => f.diagnostic.message)).toEqual([
      "broker 'queue' is published on port 5672 on every interface of the host",
      "broker 'queue' is published on port 15672 at 10.0.0.5, which reaches beyond this host",
      "broker 'queue' is published on port 5671 on every interface of the host",
      "broker 'queue' is published on port 5673 on every interface of the host",
    ]);
  });
});

describe("a service that keeps state in no volume", () => {
  it("is said to lose its data with its container, which a restart keeps; one in a tmpfs loses it on restart", async () => {
    const found = await composeFindings(
      {
        "compose.yaml": [
          "services:",
          "  db: { image: 'mysql:8.0', healthcheck: { test: [CMD, 'true'] } }",
          "  pg: { image: 'postgres:16', tmpfs: [/var/lib/postgresql/data], healthcheck: { test: [CMD, 'true'] } }",
          "",
        ].join("\n"),
      },
      "stateful-without-volume",
    );
    expect(found.map((f) => f.diagnostic.message)).toEqual([
      "'db' keeps state but has no volume; its data would be lost with the container",
      "'pg' keeps state but mounts no volume that keeps what it writes (a tmpfs or a read-only mount keeps nothing); its data would be lost on restart",
    ]);
  });
});

describe("the rule registry", () => {
  it("holds the rules whose ids the diagnostic codes list, and none of them is a core code too", () => {
    expect(rules.map((r) => r.id).sort()).toEqual([...ruleIds].sort());
    expect(ruleIds.filter((id) => Object.hasOwn(coreDiagnosticCodes, id))).toEqual([]);
  });

  it("has at least 30 rules, each with complete metadata", () => {
    expect(rules.length).toBeGreaterThanOrEqual(30);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const field of [rule.description, rule.why, rule.fix, rule.example.bad, rule.example.good])
        expect(field.length).toBeGreaterThan(3);
    }
  });

  it("every rule has a test that it finds something", () => {
    const tested = new Set(cases.filter((c) => c.expected.length > 0).map((c) => c.rule));
    expect(rules.map((r) => r.id).filter((id) => !tested.has(id))).toEqual([]);
  });

  it("every rule has a test that it finds nothing where nothing is wrong", () => {
    const tested = new Set(cases.filter((c) => c.expected.length === 0).map((c) => c.rule));
    expect(rules.map((r) => r.id).filter((id) => !tested.has(id))).toEqual([]);
  });

  it("runs a rule that is off unless turned on only where the model or a flag turns it on", async () => {
    const optIn = rules.filter((r) => r.optIn).map((r) => r.id);
    expect(optIn).toEqual(["net-raw-not-dropped", "port-on-all-interfaces", "writable-root-filesystem"]);
    const dir = folderWith(
      { "compose.yaml": "services:\n  api: { image: 'api:1.0' }\n" },
      "deployview-opt-in-",
    );
    const loaded = await loadComposeAsModel([join(dir, "compose.yaml")]);
    const codes = (severities: Record<string, SeveritySetting>) =>
      lint(loaded.model!, { sources: loaded.sources, severities })
        .map((d) => `${d.code}:${d.severity}`)
        .filter((d) => optIn.some((id) => d.startsWith(id)));
    expect(codes({})).toEqual([]);
    expect(codes({ "net-raw-not-dropped": "error", "writable-root-filesystem": "info" }).sort()).toEqual([
      "net-raw-not-dropped:error",
      "writable-root-filesystem:info",
    ]);
  });

  it("runs the hardening that Kubernetes linters check by default on manifests, unless turned off", async () => {
    const dir = folderWith(
      {
        "app.yaml": `${oneContainer("Deployment", "api").join("\n")}\n`,
      },
      "deployview-opt-in-",
    );
    const loaded = await loadManifestsAsModel([dir]);
    const codes = (severities: Record<string, SeveritySetting>) =>
      lint(loaded.model!, { sources: loaded.sources, severities })
        .map((d) => `${d.code}:${d.severity}`)
        .filter((d) => /^(net-raw|port-on|writable-root)/.test(d))
        .sort();
    expect(codes({})).toEqual(["net-raw-not-dropped:warning", "writable-root-filesystem:warning"]);
    expect(codes({ "net-raw-not-dropped": "off", "writable-root-filesystem": "info" })).toEqual([
      "writable-root-filesystem:info",
    ]);
  });

  it("every rule lives in a file named by its id", () => {
    for (const rule of rules) {
      expect(readFileSync(`${repoRoot}src/rules/${rule.id}.ts`, "utf8")).toContain(`id: "${rule.id}"`);
    }
  });
});

const latest = `system: { name: Shop }
services:
  a: { kind: api, image: "a:latest", health: { tcp: 80 } }
environments:
  dev: { platform: compose, nodes: { h: { kind: host, run: [a] } } }
`;

describe("plain-text secrets in build arguments", () => {
  it("are told to be passed in a way the model can write", () => {
    const text = `system: { name: Shop }
services:
  api: { kind: api, image: "api:1", build: { context: ., args: { NPM_TOKEN: npm_abcdefghijklmnopqrstuvwxyz0123456789 } } }
environments:
  staging: { platform: compose, nodes: { h: { kind: host, run: [api] } } }
`;
    const found = findings(text, "plaintext-secret").map((f) => f.diagnostic.hint);
    expect(found).toEqual([
      "pass it as a build secret (RUN --mount=type=secret in the Dockerfile), or as ${NPM_TOKEN} from the environment",
    ]);
  });
});

describe("plain-text secrets in development", () => {
  const model = (environment: string) => `system: { name: Shop }
services:
  a: { kind: api, image: "a:1", env: { DB_PASSWORD: hunter2, DB_PASSWORD_FILE: /run/secrets/db } }
environments:
  ${environment}: { platform: compose, nodes: { h: { kind: host, run: [a] } } }
`;

  it("are warnings when the service runs only in development, errors elsewhere; a _FILE path is no secret", () => {
    const severities = (text: string) => findings(text, "plaintext-secret").map((f) => f.diagnostic.severity);
    expect(severities(model("local"))).toEqual(["warning"]);
    expect(severities(model("production"))).toEqual(["error"]);
    expect(findings(model("local"), "plaintext-secret")[0]!.diagnostic.message).toContain(
      "(development only)",
    );
  });
});

describe("a finding on a block scalar", () => {
  it("ends on its last line, not at the start of the line after it", async () => {
    const text = [
      "services:",
      "  app:",
      "    image: a:1.0",
      "    environment:",
      "      TLS_KEY: |",
      "        -----BEGIN PRIVATE KEY-----",
      "        MIIEvQIBADANBgkqhkiG9w0BAQEFAASC",
      "        -----END PRIVATE KEY-----",
      "",
      "      LEVEL: info",
      "",
    ].join("\n");
    const [found] = await composeFindings({ "compose.yaml": text }, "plaintext-secret");
    const index = new SourceIndex(new Map([[found!.diagnostic.file!, text]]));
    expect(index.range(found!.diagnostic)).toEqual({
      start: { line: 5, column: 16 },
      end: { line: 8, column: 34 },
    });
  });
});

describe("dependency cycles", () => {
  it("are one finding a cycle, which names those that wait on it from outside", () => {
    const text = `system: { name: Shop }
services:
  web: { kind: web, image: "web:1", uses: [api] }
  api: { kind: api, image: "api:1", uses: [queue, db] }
  queue: { kind: queue, image: "queue:1", uses: [worker] }
  worker: { kind: worker, image: "worker:1", uses: [api] }
  db: { kind: database, image: "db:1" }
environments:
  dev: { platform: compose, nodes: { h: { kind: host, run: [web, api, queue, worker, db] } } }
`;
    const messages = findings(text, "dependency-cycle").map((f) => f.diagnostic.message);
    expect(messages).toEqual([
      "'api' waits on a dependency cycle in 'dev': api → queue → worker → api; 'web' waits on it too",
    ]);
  });

  it("are one finding for a cycle that several environments run, which names them all", () => {
    const text = `system: { name: Shop }
services:
  a: { kind: api, image: "a:1", uses: [b] }
  b: { kind: api, image: "b:1", uses: [a] }
  c: { kind: api, image: "c:1", uses: [a] }
environments:
  dev: { platform: compose, nodes: { h: { kind: host, run: [a, b] } } }
  staging: { platform: compose, nodes: { h: { kind: host, run: [a, b, c] } } }
  production: { platform: kubernetes, nodes: { k: { kind: cluster, run: [b, a] } } }
`;
    const found = findings(text, "dependency-cycle").map((f) => [f.where, f.diagnostic.message]);
    expect(found).toEqual([
      [
        "7:61",
        "'a' waits on a dependency cycle in 'dev', 'staging' and 'production': a → b → a; 'c' waits on it too",
      ],
    ]);
  });

  it("cut a long cycle short, and say how long it is", () => {
    const count = 12;
    const services = Array.from(
      { length: count },
      (_, i) => `  s${i}: { kind: api, image: "s:1", uses: [s${(i + 1) % count}] }`,
    );
    const text = `system: { name: Shop }
services:
${services.join("\n")}
environments:
  dev: { platform: compose, nodes: { h: { kind: host, run: [${services.map((_, i) => `s${i}`).join(", ")}] } } }
`;
    const messages = findings(text, "dependency-cycle").map((f) => f.diagnostic.message);
    expect(messages).toEqual([
      "'s0' waits on a dependency cycle in 'dev': s0 → s1 → s2 → s3 → s4 → s5 → … → s0 (a cycle of 12)",
    ]);
  });
});

describe("used services not deployed", () => {
  it("are one finding a use, naming every environment that leaves the service out", () => {
    const text = `system: { name: Shop }
services:
  api: { kind: api, image: "api:1", uses: [db], env: { DB_URL: { endpoint: db } } }
  db: { kind: database, image: "db:1" }
environments:
  dev: { platform: compose, nodes: { h: { kind: host, run: [api, db] } } }
  staging: { platform: compose, nodes: { h: { kind: host, run: [api] } } }
  qa: { platform: compose, nodes: { h: { kind: host, run: { api: , api-2: { service: api } } } } }
`;
    const found = findings(text, "used-service-not-deployed").map((f) => [f.where, f.diagnostic.message]);
    expect(found).toEqual([
      ["3:44", "'api' uses 'db', which 'staging' and 'qa' do not run"],
      ["3:56", "'DB_URL' points at 'db', which 'staging' and 'qa' do not run"],
    ]);
  });
});

describe("public ingress without TLS", () => {
  it("names an Ingress read from manifests by its own name, quoted, at its spec, where tls goes", async () => {
    const ingress = (name: string) =>
      `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: ${name} }\nspec: { defaultBackend: { service: { name: web, port: { number: 80 } } } }\n`;
    const web =
      "apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec: { selector: { app: web }, ports: [{ port: 80 }] }\n";
    const found = await composeFindings(
      { "app.yaml": `${web}---\n${ingress("shop-public")}` },
      "ingress-without-tls",
      true,
    );
    expect(found.map((f) => [f.where, f.diagnostic.message, f.diagnostic.hint])).toEqual([
      [
        "9:1",
        "Ingress 'shop-public' routes public traffic over plain HTTP, as it has no tls",
        "give the Ingress spec.tls: [{ hosts: [the hosts it routes], secretName: … }], with a Secret whose certificate covers them",
      ],
    ]);
  });
});

describe("public ingress with TLS for some of its hosts", () => {
  const web =
    "apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec: { selector: { app: web }, ports: [{ port: 80 }] }\n";
  const ingress = (tls: string) =>
    [
      "apiVersion: networking.k8s.io/v1",
      "kind: Ingress",
      "metadata: { name: shop }",
      "spec:",
      `  tls: ${tls}`,
      "  rules:",
      ...["shop.example.com", "api.example.com", "admin.example.com", "a.cdn.example.com"].map(
        (host) =>
          `    - { host: ${host}, http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }] } }`,
      ),
      "",
    ].join("\n");

  it("names the hosts tls leaves out, and says to add them to it, at spec.tls", async () => {
    const found = await composeFindings(
      {
        "app.yaml": `${web}---\n${ingress("[{ hosts: [shop.example.com, '*.cdn.example.com'], secretName: shop-tls }]")}`,
      },
      "ingress-without-tls",
      true,
    );
    expect(found.map((f) => [f.where, f.diagnostic.message, f.diagnostic.hint])).toEqual([
      [
        "10:3",
        "Ingress 'shop' routes api.example.com and admin.example.com over plain HTTP: its tls covers shop.example.com and *.cdn.example.com only",
        "add api.example.com and admin.example.com to the hosts of a tls entry, with a Secret whose certificate covers them",
      ],
    ]);
  });

  it("finds nothing where tls covers every host, or names none and so takes the controller's default", async () => {
    for (const tls of [
      "[{ hosts: [shop.example.com, api.example.com] }, { hosts: [admin.example.com, a.cdn.example.com] }]",
      "[{ secretName: wildcard-tls }]",
    ])
      expect(
        await composeFindings({ "app.yaml": `${web}---\n${ingress(tls)}` }, "ingress-without-tls", true),
      ).toEqual([]);
  });
});

describe("replicas on a fixed host port", () => {
  it("suggest a pool of as many host ports as replicas, from the port written, in the file's own terms", async () => {
    const found = await composeFindings(
      {
        "compose.yaml":
          "services:\n  api: { image: 'a:1', ports: ['8080:3000'], deploy: { replicas: 3 }, healthcheck: { test: [CMD, 'true'] } }\n",
      },
      "replicas-with-fixed-host-port",
    );
    expect(found.map((f) => f.diagnostic.hint)).toEqual([
      'put a proxy in front, publish no host port, or a pool of as many host ports as replicas ("8080-8082:3000")',
    ]);
    const model = `${head}services:\n  a: { kind: api, image: "a:1", ports: { http: 80 } }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: { a: { replicas: 2, publish: { http: 9000 } } } } } }\n`;
    expect(findings(model, "replicas-with-fixed-host-port").map((f) => f.diagnostic.hint)).toEqual([
      "put a proxy in front, publish no host port, or a pool of as many host ports as replicas (host: 9000, host-last: 9001)",
    ]);
  });
});

describe("severity settings and suppressions", () => {
  it("the model can turn a rule off or raise it", () => {
    expect(findings(`${latest}lint: { rules: { image-latest-tag: "off" } }\n`, "image-latest-tag")).toEqual(
      [],
    );
    const raised = findings(`${latest}lint: { rules: { image-latest-tag: error } }\n`, "image-latest-tag");
    expect(raised.map((f) => f.diagnostic.severity)).toEqual(["error"]);
    // As --rule takes it, and the rule pages offer it.
    const noted = findings(`${latest}lint: { rules: { image-latest-tag: info } }\n`, "image-latest-tag");
    expect(noted.map((f) => f.diagnostic.severity)).toEqual(["info"]);
  });

  it("options override the model", () => {
    const loaded = loadModelText(`${latest}lint: { rules: { image-latest-tag: error } }\n`, "m.yaml");
    expect(
      lint(loaded.model!, { severities: { "image-latest-tag": "off" } }).filter(
        (d) => d.code === "image-latest-tag",
      ),
    ).toEqual([]);
  });

  it("a suppression with a reason silences the next line", () => {
    const text = latest.replace(
      "services:\n",
      "services:\n  # deployview-disable-next-line image-latest-tag -- the vendor tags nothing else\n",
    );
    // The finding is at the image, on the line after the comment.
    expect(findings(text, "image-latest-tag")).toEqual([]);
  });

  it("a suppression without a reason suppresses nothing and is reported", () => {
    const text = latest.replace(
      "services:\n",
      "services:\n  # deployview-disable-next-line image-latest-tag\n",
    );
    expect(findings(text, "image-latest-tag").map((f) => f.where)).toEqual(["4:26"]);
    expect(findings(text, "suppression-without-reason").map((f) => f.where)).toEqual(["3:3"]);
  });

  it("a suppression naming no rule is reported where the name is, with the rule it may mean", () => {
    const text = latest.replace(
      "services:\n",
      "services:\n  # deployview-disable-next-line runs-as-root, image-latest-tg -- pinned upstream\n",
    );
    expect(findings(text, "image-latest-tag").map((f) => f.where)).toEqual(["4:26"]);
    const unknown = findings(text, "unknown-rule");
    expect(unknown.map((f) => [f.where, f.diagnostic.message])).toEqual([
      ["3:48", "no lint rule is named 'image-latest-tg'"],
    ]);
    expect(unknown[0]!.diagnostic.hint).toContain("image-latest-tag");
  });

  it("a suppression comment that cannot be read is reported where it is, and suppresses nothing", () => {
    const malformed = (comment: string) => {
      const text = latest.replace("services:\n", `services:\n  ${comment}\n`);
      return [
        findings(text, "suppression-malformed").map((f) => f.where),
        findings(text, "image-latest-tag").map((f) => f.where),
      ];
    };
    const reported = [["3:3"], ["4:26"]];
    expect(malformed("# deployview-disable-next-line")).toEqual(reported);
    expect(malformed("# deployview-disable image-latest-tag -- the vendor tags nothing else")).toEqual(
      reported,
    );
    expect(malformed("# deployview-disable-next-line image-latest-tag because the vendor says so")).toEqual(
      reported,
    );
    expect(
      malformed("# deployview-disable-next-line Image-Latest-Tag -- the vendor tags nothing else"),
    ).toEqual(reported);
    // Words in a value are no comment.
    expect(malformed("# see deployview-disable-next-line in the README")[0]).toEqual([]);
  });

  it("a suppression that suppresses nothing is reported where it is, when the rule ran over the whole file", () => {
    const text = `system: { name: Shop }
services:
  # deployview-disable-next-line image-latest-tag, runs-as-root -- the vendor tags nothing else
  a: { kind: api, image: "a:1.0", health: { tcp: 80 } }
environments:
  dev: { platform: compose, nodes: { h: { kind: host, run: [a] } } }
`;
    const unused = findings(text, "unused-suppression");
    expect(unused.map((f) => [f.where, f.diagnostic.severity, f.diagnostic.message])).toEqual([
      [
        "3:3",
        "warning",
        "this suppression of 'image-latest-tag' and 'runs-as-root' suppresses nothing on the next line",
      ],
    ]);
    expect(unused[0]!.diagnostic.hint).toBeTruthy();
    // One id that finds something keeps the comment; the other is named.
    const used = findings(text.replace('"a:1.0"', '"a:latest"'), "unused-suppression");
    expect(used.map((f) => f.diagnostic.message)).toEqual([
      "this suppression of 'runs-as-root' suppresses nothing on the next line",
    ]);
  });

  it("a suppression is not called unused where its rule did not run, or where the run saw part of its file", () => {
    const text = `system: { name: Shop }
services:
  # deployview-disable-next-line writable-root-filesystem -- scratch space
  a: { kind: api, image: "a:1.0", health: { tcp: 80 } }
  # deployview-disable-next-line image-latest-tag -- the vendor tags nothing else
  b: { kind: api, image: "b:1.0", health: { tcp: 80 } }
environments:
  dev: { platform: compose, nodes: { h: { kind: host, run: [a, b] } } }
`;
    // Off unless turned on; then turned off in the model.
    const off = `${text}lint: { rules: { image-latest-tag: "off" } }\n`;
    expect(findings(off, "unused-suppression")).toEqual([]);
    // Told nothing of which files it sees whole, lint says nothing of them.
    const loaded = loadModelText(text.replace("writable-root-filesystem", "image-latest-tag"), "model.yaml");
    expect(lint(loaded.model!, { sources: loaded.sources }).map((d) => d.code)).not.toContain(
      "unused-suppression",
    );
  });

  it("suppression comments work in a file with CRLF line endings", () => {
    const crlf = (text: string) => text.replace(/\n/g, "\r\n");
    const suppressed = latest.replace(
      "services:\n",
      "services:\n  # deployview-disable-next-line image-latest-tag -- the vendor tags nothing else\n",
    );
    expect(findings(crlf(suppressed), "image-latest-tag")).toEqual([]);
    const misspelt = suppressed.replace("image-latest-tag --", "image-latest-tg --");
    expect(findings(crlf(misspelt), "unknown-rule").map((f) => f.where)).toEqual(["3:34"]);
    const unreasoned = latest.replace(
      "services:\n",
      "services:\n  # deployview-disable-next-line image-latest-tag\n",
    );
    expect(findings(crlf(unreasoned), "suppression-without-reason").map((f) => f.where)).toEqual(["3:3"]);
    expect(findings(crlf(unreasoned), "image-latest-tag").map((f) => f.where)).toEqual(["4:26"]);
  });

  it("apply to what the importer finds in compose files too, by flag or by comment", async () => {
    const files = (text: string) => ({ "compose.yaml": text, ".env.example": "" });
    const obsolete = 'version: "3.8"\nservices:\n  api:\n    image: a:latest\n';
    expect((await composeFindings(files(obsolete), "compose-obsolete-version")).map((f) => f.where)).toEqual([
      "1:1",
    ]);
    const dir = folderWith(files(obsolete), "deployview-rule-");
    const loaded = await loadComposeAsModel([join(dir, "compose.yaml")]);
    const codes = (severities: Record<string, SeveritySetting>) =>
      lint(loaded.model!, { severities }).map((d) => d.code);
    expect(codes({})).toContain("compose-obsolete-version");
    expect(codes({ "compose-obsolete-version": "off" })).not.toContain("compose-obsolete-version");
    const suppressed = `# deployview-disable-next-line compose-obsolete-version -- read by an old CI tool\n${obsolete.replace(
      "    image:",
      "    # deployview-disable-next-line image-latest-tag -- built and pushed by this repository\n    image:",
    )}`;
    expect(await composeFindings(files(suppressed), "compose-obsolete-version")).toEqual([]);
    expect(await composeFindings(files(suppressed), "image-latest-tag")).toEqual([]);
  });

  it("an unknown rule in the configuration is reported with a suggestion", () => {
    const text = `${latest}lint: { rules: { image-latst-tag: "off" } }\n`;
    const found = findings(text, "unknown-rule");
    expect(found[0]?.diagnostic.hint).toBe("did you mean 'image-latest-tag'?");
    // At the misspelt key itself, on the last line.
    const line = text.trimEnd().split("\n").length;
    expect(found.map((f) => f.where)).toEqual([`${line}:18`]);
  });
});

describe("findings about a port, a use or a name", () => {
  const text = `system: { name: Shop }
services:
  api: { kind: api, name: API, image: "a:1", ports: { http: 8080 }, health: { tcp: 9090 }, uses: [db] }
  web: { kind: proxy, name: API, image: "p:1", ports: { http: 80 }, routes: { /a: "api:9999" } }
  db: { kind: database, image: "pg:16" }
environments:
  dev: { platform: compose, nodes: { h: { kind: host, run: [api, web] } } }
`;
  const hintOf = (rule: string) => findings(text, rule).map((f) => f.diagnostic.hint);

  it("say what to do, naming the ports the service declares and the use to make optional", () => {
    expect(hintOf("route-port-undeclared")).toEqual([
      "route to a port 'api' declares (http: 8080), or add 9999 to its ports",
    ]);
    expect(hintOf("health-port-undeclared")).toEqual([
      "probe a port 'api' declares (http: 8080), or add 9090 to its ports if it listens there",
    ]);
    expect(hintOf("used-service-not-deployed")).toEqual([
      "run 'db' in 'dev' too, or mark the use optional (uses: { db: { optional: true } }) if 'api' works without it",
    ]);
    expect(hintOf("duplicate-names")[0]).toContain("give each its own name");
  });

  it("name where the instance that needs the service runs", () => {
    const [used] = findings(text, "used-service-not-deployed");
    const index = new SourceIndex(new Map([["model.yaml", text]]));
    const related = used!.diagnostic.related!.map((r) => {
      const at = index.range(r)!;
      return `${r.message} ${at.start.line}:${at.start.column}`;
    });
    expect(related).toEqual(["'api' runs in 'dev' here 7:61"]);
  });
});

describe("resources in Kubernetes", () => {
  it("name what is missing: memory, a CPU request or both", () => {
    const text = `${"system: { name: Shop }"}
services:
  none: { kind: api, image: "a:1" }
  memory: { kind: api, image: "b:1", memory: 128Mi }
  cpu: { kind: api, image: "c:1", cpu: 250m }
  both: { kind: api, image: "d:1", memory: 128Mi, cpu: 250m }
environments:
  k: { platform: kubernetes, nodes: { c: { kind: cluster, run: [none, memory, cpu, both] } } }
`;
    const loaded = loadModelText(text, "model.yaml");
    expect(loaded.diagnostics).toEqual([]);
    const found = lint(loaded.model!, { sources: loaded.sources }).filter(
      (d) => d.code === "no-resource-limits",
    );
    expect(found.map((d) => [d.message, d.hint])).toEqual([
      [
        "'none' in 'k' states no memory or CPU",
        "add memory: { request: …, limit: … } and cpu: { request: … }",
      ],
      ["'memory' in 'k' states no CPU request", "add cpu: { request: … }"],
      ["'cpu' in 'k' states no memory request or limit", "add memory: { request: …, limit: … }"],
    ]);
  });
});

describe("hints", () => {
  it("speak the language of the files a finding is in: Compose's, the manifests', or the model's", async () => {
    const hintOf = (found: { diagnostic: { hint?: string } }[]) => found[0]?.diagnostic.hint ?? "";
    const compose = {
      "compose.yaml":
        "services:\n  db: { image: 'postgres:16', environment: { POSTGRES_PASSWORD: hunter2 } }\n",
    };
    expect(hintOf(await composeFindings(compose, "stateful-without-volume"))).toMatch(
      /^mount a named volume/,
    );
    expect(hintOf(await composeFindings(compose, "missing-health-check"))).toMatch(/^add a healthcheck/);
    expect(hintOf(await composeFindings(compose, "plaintext-secret"))).toContain(
      "POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}",
    );
    const model = `system: { name: Shop }\nservices:\n  db: { kind: database, image: "postgres:16" }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [db] } } }\n`;
    expect(hintOf(findings(model, "stateful-without-volume"))).toBe(
      "add a volume, or set stateful: false if it keeps nothing",
    );
    expect(hintOf(findings(model, "missing-health-check"))).toMatch(/^add health: /);
    const manifests = {
      "app.yaml": [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata: { name: api }",
        "spec:",
        "  replicas: 3",
        "  selector: { matchLabels: { app: api } }",
        "  template:",
        "    metadata: { labels: { app: api } }",
        "    spec:",
        "      securityContext: { runAsUser: 0 }",
        "      containers: [{ name: api, image: 'api:1.0' }]",
        "",
      ].join("\n"),
    };
    for (const rule of [
      "no-resource-limits",
      "runs-as-root",
      "replicas-without-spreading",
      "replicas-without-disruption-budget",
    ]) {
      const hint = hintOf(await composeFindings(manifests, rule, true));
      expect(hint, rule).not.toMatch(/\b(?:memory|cpu|security|disruption-budget|spread): [{\w]/);
      expect(hint, rule).not.toBe("");
    }
    expect(hintOf(await composeFindings(manifests, "no-resource-limits", true))).toMatch(
      /resources\.requests/,
    );
    // A model has no PodDisruptionBudget or constraint to add: it switched them off with its own keys.
    const switchedOff = `system: { name: Shop }\nservices:\n  api: { kind: api, image: "api:1" }\nenvironments:\n  k: { platform: kubernetes, nodes: { c: { kind: cluster, run: { api: { replicas: 3, disruption-budget: false, spread: false } } } } }\n`;
    expect(hintOf(findings(switchedOff, "replicas-without-disruption-budget"))).toBe(
      "drop disruption-budget: false, so that deployview generates a budget that keeps all but one replica up, or set disruption-budget: { max-unavailable: 1 }",
    );
    expect(hintOf(findings(switchedOff, "replicas-without-spreading"))).toBe(
      "drop spread: false, so that deployview spreads them across nodes, or set spread: zone",
    );
  });
});

describe("a secret a compose file writes as a variable's default", () => {
  it("is hinted to be written without its default, not to be taken from a variable it already is", async () => {
    const compose = {
      "compose.yaml": [
        "services:",
        "  db:",
        "    image: postgres:16",
        "    environment:",
        "      POSTGRES_PASSWORD: ${DB_PASSWORD:-hunter2x}",
        "    volumes: [data:/var/lib/postgresql/data]",
        "  api:",
        "    image: shop/api:1.4",
        "    environment:",
        "      - API_TOKEN=${TOKEN-tok3nvalue99}",
        "volumes: { data: {} }",
        "",
      ].join("\n"),
    };
    const found = await composeFindings(compose, "plaintext-secret");
    expect(found.map((f) => [f.where, f.diagnostic.hint])).toEqual([
      [
        "5:26",
        "leave the default out (${DB_PASSWORD:?set DB_PASSWORD}), and set the value in .env or the environment",
      ],
      ["10:9", "leave the default out (${TOKEN:?set TOKEN}), and set the value in .env or the environment"],
    ]);
  });
});

describe("an unpinned image a compose file names through a variable's default", () => {
  it("is hinted to have the variable set to a version, or its default pinned", async () => {
    const compose = {
      "compose.yaml": [
        "services:",
        "  server:",
        "    image: ghcr.io/acme/server:${SERVER_VERSION:-release}",
        "  cache:",
        "    image: redis:alpine",
        "  web:",
        '    image: "${WEB_IMAGE:-nginx:mainline}"',
        "",
      ].join("\n"),
    };
    const found = await composeFindings(compose, "image-latest-tag");
    expect(found.map((f) => [f.where, f.diagnostic.hint])).toEqual([
      [
        "3:12",
        "set SERVER_VERSION to a version tag where Compose runs (in .env), or make its default one: ${SERVER_VERSION:-<version>}",
      ],
      ["5:12", "pin a version tag or a digest"],
      [
        "7:12",
        "set WEB_IMAGE to an image pinned to a version where Compose runs (in .env), or pin the one its default names",
      ],
    ]);
  });
});

describe("a store that a compose file gives no volume", () => {
  it("is hinted to have one at the folder its image keeps its data in, where the image is known", async () => {
    const compose = {
      "compose.yaml": [
        "services:",
        "  queue: { image: 'rabbitmq:4.3.2-management-alpine' }",
        "  search: { image: 'acme/search-engine:2.1', labels: { dev.deployview.kind: database } }",
        "",
      ].join("\n"),
    };
    const found = await composeFindings(compose, "stateful-without-volume");
    expect(found.map((f) => [f.where, f.diagnostic.hint])).toEqual([
      [
        "2:3",
        'mount a named volume at /var/lib/rabbitmq, where RabbitMQ keeps its data (volumes: ["data:/var/lib/rabbitmq"]), or, if it keeps nothing, suppress this with the reason',
      ],
      [
        "3:3",
        'mount a named volume at the folder its image writes its data to (volumes: ["data:<that folder>"]), or, if it keeps nothing, suppress this with the reason',
      ],
    ]);
  });
});

describe("a confinement turned off", () => {
  it("is hinted at as what it is: SELinux has a type to give, not a profile to write", async () => {
    const compose = {
      "compose.yaml": [
        "services:",
        "  logs:",
        "    image: timberio/vector:0.34.0-alpine",
        "    security_opt: [label=disable, seccomp=unconfined]",
        "",
      ].join("\n"),
    };
    const found = await composeFindings(compose, "unconfined-profile");
    expect(found.map((f) => [f.diagnostic.message, f.diagnostic.hint])).toEqual([
      [
        "'logs' runs without its SELinux separation",
        "keep it separated (leave label=disable out), or give it an SELinux type that allows what the program needs (label=type:…)",
      ],
      [
        "'logs' runs without its seccomp profile",
        "keep the default profile, or write one that allows what the program needs",
      ],
    ]);
  });
});

describe("a build beside an image", () => {
  it("is hinted at with Compose's pull_policy in a compose file, and the model's pull in a model", async () => {
    const compose = {
      "compose.yaml": "services:\n  api: { build: ., image: 'shop/api:local' }\n",
      Dockerfile: "FROM scratch\n",
    };
    const found = await composeFindings(compose, "build-and-image");
    expect(found.map((f) => f.diagnostic.hint)).toEqual([
      "drop one, or set pull_policy: build to say the image is the one built",
    ]);
    const model = `system: { name: Shop }\nservices:\n  api: { kind: api, build: ., image: "shop/api:1" }\nenvironments:\n  dev: { platform: compose, nodes: { h: { kind: host, run: [api] } } }\n`;
    expect(findings(model, "build-and-image").map((f) => f.diagnostic.hint)).toEqual([
      "drop one, or set pull: build to say the image is the one built",
    ]);
  });
});

describe("a secret on a command line", () => {
  it("is hinted to be read from where Compose or Kubernetes keep secrets, not from a model's reference", async () => {
    const hintsOf = (found: { diagnostic: { hint?: string } }[]) => found.map((f) => f.diagnostic.hint);
    const compose = {
      "compose.yaml": [
        "services:",
        "  docs:",
        "    image: docs/server:1.0",
        '    command: ["--username", "admin", "--password", "hunter2x"]',
        '    entrypoint: ["server", "--token=hunter2y"]',
        "",
      ].join("\n"),
    };
    const inCompose =
      "let the program read it from a variable (environment: { NAME: ${NAME} }, set in .env) or from a secret file (/run/secrets/…), not from its command line";
    expect(hintsOf(await composeFindings(compose, "secret-in-command"))).toEqual([inCompose, inCompose]);
    const manifests = {
      "app.yaml": [
        ...oneContainer("Deployment", "docs").slice(0, -1),
        "    spec: { containers: [{ name: docs, image: 'docs:1.0', args: ['--password=hunter2x'] }] }",
        "",
      ].join("\n"),
    };
    expect(hintsOf(await composeFindings(manifests, "secret-in-command", true))).toEqual([
      "let the program read it from a variable set from a Secret (valueFrom: { secretKeyRef: { name: …, key: … } }) or from a Secret mounted as a file, not from its command or args",
    ]);
  });
});

describe("dependencies that are not required", () => {
  const waitRules = ["wait-without-health-check", "starts-before-healthy", "wait-for-server-exit"];

  it("are waited for in a compose file wherever they run, and one that cannot be healthy is passed over, not refused", async () => {
    const compose = [
      "services:",
      "  api:",
      "    image: shop/api:1.4",
      "    depends_on:",
      "      db: { condition: service_healthy, required: false }",
      "      cache: { condition: service_started, required: false }",
      "      jobs: { condition: service_completed_successfully, required: false }",
      "  db: { image: postgres:16, volumes: ['pg:/var/lib/postgresql/data'] }",
      "  cache: { image: redis:7, healthcheck: { test: [CMD, redis-cli, ping] } }",
      "  jobs: { image: shop/jobs:1.4, restart: always }",
      "volumes: { pg: {} }",
      "",
    ].join("\n");
    const found = await composeFindings({ "compose.yaml": compose });
    expect(
      found
        .filter((f) => waitRules.includes(f.diagnostic.code))
        .map((f) => [f.where, f.diagnostic.message])
        .sort(),
    ).toEqual([
      [
        "5:7",
        "'api' waits for 'db' to be healthy, but 'db' has no health check: as it is not required, Compose warns and starts 'api' without waiting for it to be ready",
      ],
      ["6:7", "'api' waits only for 'cache' to start, not for its health check to pass"],
      [
        "7:7",
        "'api' waits for 'jobs' to run to completion, but 'jobs' runs until it is stopped (it restarts always): it would never start",
      ],
    ]);
  });

  it("are waited for in a model where they say what they wait for, as its compose file writes them, and make no wait otherwise", () => {
    const text = `${head}services:
  api: { kind: api, image: "shop/api:1.4", uses: { db: { optional: true, wait: healthy }, cache: { optional: true, wait: started }, jobs: { optional: true, wait: completed }, mail: { optional: true } } }
  db: { kind: database, image: "postgres:16", stateful: false }
  cache: { kind: cache, image: "redis:7", health: { command: [redis-cli, ping] } }
  jobs: { kind: worker, image: "shop/jobs:1.4", restart: always }
  mail: { kind: worker, image: "shop/mail:1.4", restart: always, uses: { api: { wait: healthy } } }
  audit: { kind: worker, image: "shop/audit:1.4", uses: { mail: { wait: completed } } }
  report: { kind: worker, image: "shop/report:1.4", restart: always, uses: { audit: { optional: true, wait: completed } } }
environments:
  dev: { platform: compose, nodes: { h: { kind: host, run: [api, db, cache, jobs, mail, audit, report] } } }
`;
    const found = findings(text).filter((f) => waitRules.includes(f.diagnostic.code));
    // mail's wait on api, and audit's on mail, are plain; report's optional wait on audit leads
    // back to report through none of them, so it is written, and audit, not a server, is no finding.
    expect(found.map((f) => f.diagnostic.message).sort()).toEqual([
      "'api' waits for 'db' to be healthy, but 'db' has no health check: as it is not required, Compose warns and starts 'api' without waiting for it to be ready",
      "'api' waits for 'jobs' to run to completion, but 'jobs' runs until it is stopped (it restarts always): it would never start",
      "'api' waits only for 'cache' to start, not for its health check to pass",
      "'audit' waits for 'mail' to run to completion, but 'mail' runs until it is stopped (it restarts always): it would never start",
      "'mail' waits for 'api' to be healthy, but 'api' has no health check",
    ]);
  });

  it("make no wait in a model where one closes a cycle, which its compose file leaves out", () => {
    const text = `${head}services:
  api: { kind: api, image: "shop/api:1.4", restart: always, health: { command: ["true"] }, uses: { jobs: { wait: healthy } } }
  jobs: { kind: worker, image: "shop/jobs:1.4", health: { command: ["true"] }, uses: { api: { optional: true, wait: completed } } }
environments:
  dev: { platform: compose, nodes: { h: { kind: host, run: [api, jobs] } } }
`;
    expect(findings(text).filter((f) => waitRules.includes(f.diagnostic.code))).toEqual([]);
  });
});
