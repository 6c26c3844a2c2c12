import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Document, parse } from "yaml";
import { DOCUMENT_OPTIONS, quoteAllForYaml11 } from "../../src/emit/yaml-1-1.js";

/** A value written as generated files are, read back by a YAML 1.1 reader. */
function roundTrip(value: string): unknown {
  const document = new Document({ [value]: value, list: [value] }, DOCUMENT_OPTIONS);
  quoteAllForYaml11(document);
  return parse(document.toString({ lineWidth: 0 }), { version: "1.1" });
}

const tricky = [
  ...["y", "N", "yes", "No", "ON", "off", "true", "False", "~", "null", "NULL", "<<", "="],
  ...["0755", "0b101", "0x1F", "1_000", "1:20", "190:20:30", "-12", "+5", "1.5", "1.", ".5", "."],
  ...["1e3", "6.8523015e+5", ".inf", "-.INF", ".NaN", "2001-12-14", "2001-12-14t21:59:43.10-05:00"],
  ...["2001-12-14 21:59:43.10 -5", "no-cache", "on-failure", "8080:80", "v1.2", "0.5.1", "1.2.3.4"],
];

describe("strings in generated YAML, read by a YAML 1.1 reader (Compose's, kustomize's)", () => {
  it("come back as the strings they are, the words and numbers 1.1 reads otherwise among them", () => {
    for (const value of tricky) expect(roundTrip(value), value).toEqual({ [value]: value, list: [value] });
  });

  it("come back as written, whatever they are", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.stringMatching(/^[-+0-9._:eExXbBoO]{1,8}$/), fc.constantFrom(...tricky)),
        (value) => {
          expect(roundTrip(value)).toEqual({ [value]: value, list: [value] });
        },
      ),
      { numRuns: 2000 },
    );
  });
});
