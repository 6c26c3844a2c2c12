import { describe, expect, it } from "vitest";
import { valueAt } from "../../src/collections.js";

describe("valueAt", () => {
  it("follows list items by number and a mapping's own keys, digits as written", () => {
    const value = { spec: { containers: [{ name: "web", ports: { "8080": "http" } }] } };
    expect(valueAt(value, ["spec", "containers", 0, "name"])).toBe("web");
    expect(valueAt(value, ["spec", "containers", 0, "ports", 8080])).toBe("http");
    expect(valueAt(value, ["spec", "containers", "0"])).toBeUndefined();
    expect(valueAt(value, ["spec", "missing", "deeper"])).toBeUndefined();
  });

  it("never reaches a prototype, whatever the path names", () => {
    expect(valueAt({}, ["__proto__"])).toBeUndefined();
    expect(valueAt({}, ["constructor", "prototype"])).toBeUndefined();
    expect(valueAt([], ["length"])).toBeUndefined();
    const written = JSON.parse('{"__proto__": {"polluted": 1}}');
    expect(valueAt(written, ["__proto__", "polluted"])).toBe(1);
  });
});
