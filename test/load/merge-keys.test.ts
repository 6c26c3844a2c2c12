import { describe, expect, it } from "vitest";
import { locate, parseYaml } from "../../src/load/yaml-file.js";
import { SourceIndex } from "../../src/report/position.js";

const value = (text: string) => parseYaml(text, "compose.yaml", { merge: true }).documents[0]!.value;

describe("YAML merge keys, as Compose reads them", () => {
  it("copy what the mapping does not set itself, earlier sources first, nested ones too", () => {
    const text = [
      "x-base: &base { restart: always, environment: { A: '1' }, toString: kept }",
      "x-more: &more { restart: 'no', labels: { b: '2' } }",
      "services:",
      "  api:",
      "    <<: [*base, *more]",
      "    image: api:1",
      "  web:",
      "    <<: *base",
      "    restart: on-failure",
      "  job: { <<: { <<: *more, image: job:1 } }",
    ].join("\n");
    expect((value(text) as { services: unknown }).services).toEqual({
      api: {
        image: "api:1",
        restart: "always",
        environment: { A: "1" },
        toString: "kept",
        labels: { b: "2" },
      },
      web: { restart: "on-failure", environment: { A: "1" }, toString: "kept" },
      job: { image: "job:1", restart: "no", labels: { b: "2" } },
    });
  });

  it("leave a merge key whose value is no mapping as it is, and stay off when not asked for", () => {
    expect(value("a: { <<: 3, b: 1 }")).toEqual({ a: { "<<": 3, b: 1 } });
    expect(parseYaml("a: &x { b: 1 }\nc: { <<: *x }", "model.yaml").documents[0]!.value).toEqual({
      a: { b: 1 },
      c: { "<<": { b: 1 } },
    });
  });

  it("are followed to find where a merged value is written: the first source that has it, through aliases", () => {
    const text = [
      "x-base: &base { restart: always, environment: { A: '1' } }",
      "x-more: &more { restart: 'no', labels: { b: '2' } }",
      "x-env: &env { B: '2' }",
      "services:",
      "  api:",
      "    <<: [*base, *more]",
      "    image: api:1",
      "  job: { <<: { <<: *more, image: job:1 }, environment: *env }",
      "  loop: &loop { <<: *loop }",
      "",
    ].join("\n");
    const yaml = parseYaml(text, "compose.yaml", { merge: true }).documents[0]!;
    const index = new SourceIndex(new Map([["compose.yaml", text]]));
    const at = (path: (string | number)[]) => {
      const range = index.range(locate(yaml, path, "value"))!;
      return `${range.start.line}:${range.start.column}`;
    };
    expect(at(["services", "api", "image"])).toBe("7:12");
    expect(at(["services", "api", "restart"])).toBe("1:26");
    expect(at(["services", "api", "labels", "b"])).toBe("2:45");
    expect(at(["services", "job", "restart"])).toBe("2:26");
    expect(at(["services", "job", "environment", "B"])).toBe("3:18");
    // An anchor that merges itself ends the search at the mapping.
    expect(at(["services", "loop", "restart"])).toBe("9:15");
  });
});
