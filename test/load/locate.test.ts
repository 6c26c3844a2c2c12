import { describe, expect, it } from "vitest";
import { locate, parseYaml } from "../../src/load/yaml-file.js";
import { SourceIndex } from "../../src/report/position.js";

/** Where `locate` puts the value at `path` of `text`, as "line:column-line:column". */
function spanOf(text: string, path: (string | number)[]): string {
  const yaml = parseYaml(text, "compose.yaml").documents[0]!;
  const range = new SourceIndex(new Map([["compose.yaml", text]])).range(locate(yaml, path, "value"))!;
  return `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}`;
}

describe("the range of a block collection", () => {
  it("ends at its last value, not at the comment or the line break after it", () => {
    const map = "a:\n  b:\n    service: base     # the one to start from\n  c: 1\n";
    expect(spanOf(map, ["a", "b"])).toBe("3:5-3:18");
    const list = "a:\n  b:\n    - x   # first\n    - y   # second\n\n";
    expect(spanOf(list, ["a", "b"])).toBe("3:5-4:8");
    const nested = "a:\n  b:\n    c:\n      - 'x'  # quoted\n    d: { e: 1 }   # flow\n";
    expect(spanOf(nested, ["a", "b"])).toBe("3:5-5:16");
  });

  it("keeps a flow collection's closing bracket, and a block scalar's last line", () => {
    expect(spanOf("a: { b: 1 }   # note\n", ["a"])).toBe("1:4-1:12");
    expect(spanOf("a:\n  b: |\n    one\n    two\n\n  # after\n", ["a"])).toBe("2:3-4:8");
  });
});
