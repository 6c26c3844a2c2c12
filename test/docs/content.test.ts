import { describe, expect, it } from "vitest";
import { renderDocument } from "../../src/emit/docs/index.js";
import { loadModelFile, loadModelText } from "../../src/load/index.js";
import { examples } from "../helpers/examples.js";

async function document(name: string): Promise<string> {
  const example = examples().find((e) => e.name === name)!;
  const { model } = await loadModelFile(example.model);
  return renderDocument(model!);
}

/** The cells of a Markdown table row, honouring escaped pipes. */
function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, "")
    .split(/(?<!\\)\|/);
}

function tables(markdown: string): string[][] {
  const found: string[][] = [];
  let current: string[] = [];
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("```")) fenced = !fenced;
    if (!fenced && line.startsWith("|")) current.push(line);
    else if (current.length > 0) {
      found.push(current);
      current = [];
    }
  }
  return found;
}

describe("the document covers what the seeds cover", () => {
  it("YAM Agri: environments, the promotion gate, the memory budget within 6 GB, field hub properties", async () => {
    const doc = await document("yam-agri");
    expect(doc).toContain(
      "| **Field Hub** | Per-site offline edge node | Raspberry Pi 4 + Docker | Site LAN only |",
    );
    expect(doc).toMatch(/\*\*Staging → Production\*\*: All 10 acceptance tests pass on staging/);
    expect(doc).toMatch(/\| \*\*Total\*\* \| \*\*~2\.5–3 GB\*\* ✅ against a budget of 6GB/);
    expect(doc).toContain("| Autonomy | Offline-first: 7-day autonomous operation guaranteed |");
    expect(doc).toContain("> **Planned:** this environment is a target, not yet live.");
    expect(doc).toContain("| frappe-web | frappe-web (production) | sync | WireGuard VPN |");
  });

  it("req1: Kubernetes resources with autoscaling, infrastructure configuration, the compose comparison", async () => {
    const doc = await document("req1");
    expect(doc).toContain(
      "| Axum API | Deployment + HorizontalPodAutoscaler | 2–10 (autoscaled at 70% CPU) |",
    );
    expect(doc).toContain("| Tracing | OpenTelemetry Collector → Jaeger or Tempo |");
    expect(doc).toMatch(/\| \*\*Scaling\*\* \| Horizontal \(HPA\) \| Vertical only \|/);
    expect(doc).toContain("| pg-primary | pg-replica | replication | PostgreSQL streaming replication |");
  });

  it("FreshPoC: groups as subgraphs, no host port published twice, secrets as references", async () => {
    const doc = await document("freshpoc");
    expect(doc).toContain('subgraph g_network_control_plane["Control Plane"]');
    expect(doc).toContain("| Apache Airflow | 8082 | 8080 (http) |");
    expect(doc).toContain("| `MINIO_ROOT_PASSWORD` | secret `minio-root-password` |");
    expect(doc).not.toContain("adminadmin");
  });

  it("allucanget: routes of the reverse proxy and the DuckDB file", async () => {
    const doc = await document("allucanget");
    expect(doc).toContain("| nginx | `/api/*` | backend:12000 | — |");
    expect(doc).toContain("| DuckDB | Host / VM | file on host | — |");
  });

  it("ai-3tier: the template's sections", async () => {
    const doc = await document("ai-3tier");
    for (const heading of [
      "Architecture Pattern",
      "Code Inspection Summary",
      "Non-Functional Requirements",
      "Backup and Recovery",
      "Cost Estimation",
      "Architecture Decisions",
    ]) {
      expect(doc).toMatch(new RegExp(`^## 7\\.\\d+ ${heading}$`, "m"));
    }
    expect(doc).toContain("| **Recovery Time Objective (RTO)** | &lt; 1 hour |");
  });

  it("every table in every example has rows as wide as its header", async () => {
    for (const example of examples()) {
      for (const table of tables(await document(example.name))) {
        const width = cells(table[0]!).length;
        for (const row of table) expect(cells(row), `${example.name}: ${row}`).toHaveLength(width);
      }
    }
  });
});

describe("hostile text in a model", () => {
  const hostile = "x | y <img src=x onerror=alert(1)> `tick` *star* [link](javascript:alert(1))";
  const text = `system: { name: "${hostile}", description: "# heading\\nline | two" }
services:
  api: { kind: api, description: "${hostile}", technology: "${hostile}", image: "api:1", ports: { http: 80 }, env: { NOTE: "${hostile}" } }
environments:
  dev: { platform: compose, purpose: "${hostile}", nodes: { "h": { kind: host, name: "${hostile}", run: [api] } } }
`;

  it("breaks no table and opens no tag", () => {
    const { model, diagnostics } = loadModelText(text, "hostile.yaml");
    expect(diagnostics).toEqual([]);
    const doc = renderDocument(model!);
    // Inside fenced blocks and code spans text is shown, never interpreted; everywhere else no tag may open.
    const prose = doc
      .replace(/^```[\s\S]*?^```/gm, "")
      .replace(/(`{2,})[\s\S]*?\1/g, "")
      .replace(/`[^`]*`/g, "");
    expect(prose).not.toMatch(/<img/);
    expect(prose).not.toMatch(/(?<!\\)\](?=\(javascript:)/);
    for (const table of tables(doc)) {
      const width = cells(table[0]!).length;
      for (const row of table) expect(cells(row)).toHaveLength(width);
    }
    expect(doc).not.toMatch(/^# heading/m);
  });
});

describe("secrets typed as plain values", () => {
  it("are masked in the document", () => {
    const { model } = loadModelText(
      `system: { name: Shop }
services:
  api: { kind: api, image: "a:1", env: { DB_PASSWORD: hunter2, DSN: "postgres://app:s3cret@db/app", MODE: prod } }
environments:
  dev: { platform: compose, nodes: { h: { kind: host, run: [api] } } }
`,
      "m.yaml",
    );
    const doc = renderDocument(model!);
    expect(doc).not.toContain("hunter2");
    expect(doc).not.toContain("s3cret");
    expect(doc).toContain("| `MODE` | `prod` |");
  });
});

describe("a use not needed to start", () => {
  it("is marked optional among the service dependencies, beside what else is said of the use", () => {
    const { model } = loadModelText(
      `system: { name: Shop }
services:
  api: { kind: api, image: "a:1", source: { path: api/ }, uses: { db: SQL, mail: { protocol: SMTP, optional: true } } }
  db: { kind: database, image: "postgres:16" }
  mail: { kind: other, image: "mail:1" }
environments:
  dev: { platform: compose, nodes: { h: { kind: host, run: [api, db, mail] } } }
`,
      "m.yaml",
    );
    const doc = renderDocument(model!);
    expect(doc).toContain("- `api/` → `db` (SQL)\n");
    expect(doc).toContain("- `api/` → `mail` (SMTP, optional)\n");
  });
});

describe("a route to a service placed nowhere in the environment", () => {
  it("is marked as not deployed there in the routes table, which the diagrams leave out", () => {
    const { model } = loadModelText(
      `system: { name: Shop }
services:
  proxy: { kind: proxy, image: "nginx:1.27", ports: { http: 80 }, routes: { /api: api, /admin: admin } }
  api: { kind: api, image: "a:1", ports: { http: 8080 } }
  admin: { kind: web, image: "b:1", ports: { http: 3000 } }
environments:
  dev: { platform: compose, nodes: { h: { kind: host, run: [proxy, api] } } }
`,
      "m.yaml",
    );
    const doc = renderDocument(model!);
    expect(doc).toContain("| proxy | `/api` | api:8080 | — |");
    expect(doc).toContain("| proxy | `/admin` | admin:3000 (not deployed here) | — |");
    expect(doc).not.toContain("/admin → admin");
  });
});

describe("a health check turned off on purpose", () => {
  it("is said to be off in the catalogue and the health checks, where a service with none has a dash and no row", () => {
    const { model } = loadModelText(
      `system: { name: Shop }
services:
  api: { kind: api, image: "a:1", ports: { http: 8080 }, health: { http: /health } }
  worker: { kind: worker, image: "w:1", health: false }
  mail: { kind: worker, image: "m:1" }
environments:
  dev: { platform: compose, nodes: { h: { kind: host, run: [api, worker, mail] } } }
`,
      "m.yaml",
    );
    const doc = renderDocument(model!);
    const row = (name: string) => doc.split("\n").find((line) => line.startsWith(`| **${name}** |`))!;
    expect(cells(row("worker")).map((c) => c.trim())).toContain("off");
    expect(cells(row("mail")).map((c) => c.trim())).toContain("—");
    expect(doc).toContain("| worker | turned off, the image's own check too |");
    expect(doc).not.toMatch(/^\| mail \| .*(check|turned off)/m);
  });
});
