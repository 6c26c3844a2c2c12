import { describe, expect, it } from "vitest";
import { secretConfigs } from "../../src/import/compose/inline-configs.js";

describe("configs written into the compose file", () => {
  it("read a line of thousands of spaces at once, and find the secret set after it", () => {
    const spaced = `note = a${" ".repeat(3000)}b`;
    const content = `${spaced}\ndb.password = hunter2;\n`;
    const text = `configs:\n  app:\n    content: ${JSON.stringify(content)}\n`;
    const at = () => ({ file: "compose.yaml", start: 0, end: text.length });
    const started = performance.now();
    const found = secretConfigs({ configs: { app: { content } } }, at, text);
    // A line of spaces once took seconds by the thousand, and hours by the ten thousand.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(found.map((d) => d.message)).toEqual([expect.stringContaining("in its setting 'db.password'")]);
  });
});
