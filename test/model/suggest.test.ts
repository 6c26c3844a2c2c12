import { describe, expect, it } from "vitest";
import { budgeted, closest, lazily, suggestion } from "../../src/model/suggest.js";

describe("did you mean", () => {
  it("names the closest candidate within a distance proportional to the word, or lists a few", () => {
    expect(suggestion("postgress", ["redis", "postgres", "web"], "service")).toBe("did you mean 'postgres'?");
    expect(suggestion("zzz", ["redis", "postgres"], "service")).toBe("known services: redis, postgres");
    expect(suggestion("x", [], "secret")).toBe("no secret is defined");
    expect(closest("API", ["api", "app"])).toBe("api");
  });

  it("reads candidates lazily, and past a thousand of them only lists the first", () => {
    let read = 0;
    const many = lazily(
      Array.from({ length: 50_000 }, (_, i) => `s${i}`),
      (id) => {
        read++;
        return id;
      },
    );
    expect(suggestion("s1", many, "service")).toBe("known services: s0, s1, s2, s3, s4, s5, s6, s7, …");
    expect(read).toBe(1_001);
  });

  it("compares no more candidates than its budget, over all its calls", () => {
    const names = Array.from({ length: 100 }, (_, i) => `name${i}`);
    const suggest = budgeted(250);
    const hints = Array.from({ length: 4 }, () => suggest("nane1", names, "name"));
    // Two calls of a hundred fit, the third would not: it lists, as does every later one.
    expect(hints).toEqual([
      "did you mean 'name1'?",
      "did you mean 'name1'?",
      "known names: name0, name1, name2, name3, name4, name5, name6, name7, …",
      "known names: name0, name1, name2, name3, name4, name5, name6, name7, …",
    ]);
  });
});
