/** Mermaid output rendered by Mermaid itself, in Chromium: what GitHub and documentation sites would do. */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mermaidC4Deployment } from "../../src/emit/diagram/c4/mermaid-c4.js";
import { mermaidFlowchart } from "../../src/emit/diagram/mermaid/flowchart.js";
import { loadModelFile, loadModelText } from "../../src/load/index.js";
import { examples } from "../helpers/examples.js";

const CHROMIUM = "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
const mermaidScript = createRequire(import.meta.url).resolve("mermaid/dist/mermaid.min.js");

async function render(page: Page, text: string): Promise<{ ok: boolean; error?: string; svg?: string }> {
  return page.evaluate(async (source) => {
    const mermaid = (
      window as unknown as { mermaid: { render(id: string, text: string): Promise<{ svg: string }> } }
    ).mermaid;
    try {
      const { svg } = await mermaid.render(`d${Math.random().toString(36).slice(2)}`, source);
      return { ok: true, svg };
    } catch (error) {
      return { ok: false, error: String((error as Error).message ?? error) };
    }
  }, text);
}

describe.skipIf(!haveChromium)(
  `Mermaid renders our output${haveChromium ? "" : " (skipped: /usr/bin/chromium is not installed)"}`,
  () => {
    let browser: Browser;
    let page: Page;
    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
      });
      page = await browser.newPage();
      await page.setContent("<!doctype html><html><body></body></html>");
      await page.addScriptTag({ path: mermaidScript });
      await page.evaluate(() =>
        (window as unknown as { mermaid: { initialize(o: object): void } }).mermaid.initialize({
          startOnLoad: false,
          securityLevel: "strict",
        }),
      );
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("C4Deployment and flowchart of every environment of every example", async () => {
      const failures: string[] = [];
      for (const example of examples()) {
        const model = (await loadModelFile(example.model)).model!;
        for (const environment of model.environments) {
          for (const [kind, text] of [
            ["c4", mermaidC4Deployment(model, environment.id)],
            ["flowchart", mermaidFlowchart(model, environment.id)],
          ] as const) {
            if (kind === "flowchart" && environment.instances.length === 0) continue;
            const result = await render(page, text);
            if (!result.ok) failures.push(`${example.name}/${environment.id} ${kind}: ${result.error}`);
            else expect(result.svg).toContain("<svg");
          }
        }
      }
      expect(failures).toEqual([]);
    }, 120_000);

    it("C4Deployment keeps hostile names as text", async () => {
      const model = loadModelText(
        [
          "system: { name: S }",
          "services:",
          "  web: { kind: web, name: '<img src=x onerror=alert(1)>', technology: 'a \"b\" {c}', uses: { db: '<b>SQL</b>' } }",
          "  db: { kind: database, name: 'db, (primary)', ports: { pg: 5432 } }",
          "environments:",
          "  dev: { platform: compose, nodes: { host: { kind: host, name: 'h) {', run: [web, db] } } }",
        ].join("\n"),
        "hostile.yaml",
      ).model!;
      const result = await render(page, mermaidC4Deployment(model, "dev"));
      expect(result.error).toBeUndefined();
      expect(result.svg).not.toContain("<img");
      expect(result.svg).toContain("onerror=alert(1)");
    });
  },
);
