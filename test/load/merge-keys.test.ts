import { describe, expect, it } from "vitest";
import { parseYaml } from "../../src/load/yaml-file.js";

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
});
