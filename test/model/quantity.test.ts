import { describe, expect, it } from "vitest";
import { formatAmount, parseQuantity } from "../../src/model/quantity.js";

describe("parseQuantity", () => {
  const memory: [string | number, number, number, boolean][] = [
    ["400Mi", 400 * 2 ** 20, 400 * 2 ** 20, false],
    ["400MB", 400e6, 400e6, false],
    ["~400 MB", 400e6, 400e6, true],
    ["1.5GB-2GB", 1.5e9, 2e9, false],
    ["~1.5–2 GB", 1.5e9, 2e9, true],
    ["1Gi", 2 ** 30, 2 ** 30, false],
    ["512M", 512e6, 512e6, false],
    [1048576, 1048576, 1048576, false],
  ];
  for (const [text, request, limit, approximate] of memory) {
    it(`reads memory ${JSON.stringify(text)}`, () => {
      expect(parseQuantity(text, "memory")).toMatchObject({ request, limit, approximate });
    });
  }
  it("reads CPU in cores and millicores", () => {
    expect(parseQuantity(0.5, "cpu")?.request).toBe(500);
    expect(parseQuantity("250m", "cpu")?.request).toBe(250);
    expect(parseQuantity("2 cores", "cpu")?.request).toBe(2000);
  });
  it("rejects what it cannot read", () => {
    for (const text of ["lots", "400Zi", "1-2-3GB", "-1GB", "", "GB"])
      expect(parseQuantity(text, "memory")).toBeUndefined();
  });
  it("formats ranges with a shared unit", () => {
    expect(formatAmount({ request: 2.5e9, limit: 3.5e9, approximate: true }, "memory")).toBe("~2.5–3.5 GB");
    expect(
      formatAmount({ request: 400 * 2 ** 20, limit: 400 * 2 ** 20, approximate: false }, "memory", true),
    ).toBe("400 MiB");
  });
});
