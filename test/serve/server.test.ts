import { request } from "node:http";
import { hostname } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowedHosts, startViewer, type ViewerServer } from "../../src/serve/server.js";
import { examples } from "../helpers/examples.js";
import { buildAssets, hostileModel, modelCopy } from "./viewer-fixture.js";

function get(url: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }>((resolve, reject) => {
    const req = request(url, { method, headers, timeout: 5000 }, (res) => {
      let body = "";
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.end();
  });
}

describe("viewer server", () => {
  let viewer: ViewerServer;
  let hostile: ViewerServer;
  beforeAll(async () => {
    const assetsDir = buildAssets();
    viewer = await startViewer({
      model: examples().find((e) => e.name === "freshpoc")!.model,
      port: 0,
      assetsDir,
    });
    hostile = await startViewer({ model: modelCopy({ text: hostileModel }), port: 0, assetsDir });
  });
  afterAll(async () => {
    await viewer?.close();
    await hostile?.close();
  });

  it("listens on 127.0.0.1 by default", () => {
    expect(viewer.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it("serves its page, script and stylesheet with a strict Content-Security-Policy", async () => {
    for (const [path, type] of [
      ["", "text/html"],
      ["app.js", "text/javascript"],
      ["app.css", "text/css"],
    ] as const) {
      const response = await get(`${viewer.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(String(response.headers["content-type"])).toContain(type);
      const csp = String(response.headers["content-security-policy"]);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("unsafe");
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
    }
    const page = (await get(viewer.url)).body;
    // Nothing is loaded from another origin.
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it("answers nothing but its own files and the view data", async () => {
    for (const path of [
      "../package.json",
      "src/serve/server.ts",
      "index.html",
      "api/other",
      "%2e%2e/package.json",
      "app.js.map",
    ])
      expect((await get(`${viewer.url}${path}`)).status, path).toBe(404);
    expect((await get(viewer.url, {}, "POST")).status).toBe(405);
  });

  it("refuses a Host header that is not the address it is bound to (DNS rebinding)", async () => {
    const port = new URL(viewer.url).port;
    expect((await get(`${viewer.url}api/view`, { Host: `attacker.example:${port}` })).status).toBe(421);
    expect((await get(`${viewer.url}api/view`, { Host: "127.0.0.1" })).status).toBe(421);
    expect((await get(`${viewer.url}api/view`, { Host: `localhost:${port}` })).status).toBe(200);
  });

  it("bound to every interface, answers to the machine's own names only", () => {
    const names = allowedHosts("0.0.0.0", 4820);
    expect(names).toContain("127.0.0.1:4820");
    expect(names).toContain("localhost:4820");
    expect(names).toContain(`${hostname()}:4820`);
    expect(names).not.toContain("attacker.example:4820");
    expect([...allowedHosts("127.0.0.1", 4820)].sort()).toEqual([
      "127.0.0.1:4820",
      "[::1]:4820",
      "localhost:4820",
    ]);
  });

  it("serves the view data: diagrams, details with secrets masked, findings", async () => {
    const view = JSON.parse((await get(`${viewer.url}api/view`)).body);
    expect(view.title).toBe("FreshPoC");
    expect(view.environments.map((e: { id: string }) => e.id)).toEqual(["development", "production"]);
    const minio = view.environments[0].elements["instance:minio"];
    const variables = minio.sections.find((s: { title: string }) => s.title === "Variables");
    const password = variables.rows.find((r: { label: string }) => r.label === "MINIO_ROOT_PASSWORD");
    expect(password.value).toMatch(/^•+ \(secret minio-root-password\)$/);
    const user = variables.rows.find((r: { label: string }) => r.label === "MINIO_ROOT_USER");
    expect(user.value).toBe("admin");
    expect(view.environments[1].diagram.tag).toBe("svg");
    expect(Array.isArray(view.findings)).toBe(true);
  });

  it("masks a plain value whose name says it is a credential", async () => {
    const view = JSON.parse((await get(`${hostile.url}api/view`)).body);
    const rows = view.environments[0].elements["instance:web"].sections.find(
      (s: { title: string }) => s.title === "Variables",
    ).rows;
    expect(rows.find((r: { label: string }) => r.label === "DB_PASSWORD").value).not.toContain("hunter2");
    expect(rows.find((r: { label: string }) => r.label === "GREETING").value).toBe("<b>hi</b>");
  });

  it("keeps hostile model text as data", async () => {
    const view = JSON.parse((await get(`${hostile.url}api/view`)).body);
    expect(view.title).toBe("<img src=x onerror=alert(1)>");
    expect(view.environments[0].elements["instance:web"].title).toBe("<img src=x onerror=alert(1)>");
  });
});
