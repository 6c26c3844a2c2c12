import { describe, expect, it } from "vitest";
import { parseTemplate } from "../../src/model/template.js";

describe("a template's parts", () => {
  it("keep the text around and between variables as written, a `}` outside any variable too", () => {
    expect(parseTemplate("a} $A b${B}c").parts).toEqual([
      "a} ",
      { name: "A", start: 3, end: 5 },
      " b",
      { name: "B", start: 7, end: 11 },
      "c",
    ]);
  });

  it("end an argument at its `}`, after the text it holds", () => {
    expect(parseTemplate("x${A:-left ${B} right}y").parts).toEqual([
      "x",
      {
        name: "A",
        operator: ":-",
        argument: ["left ", { name: "B", start: 11, end: 15 }, " right"],
        argumentText: "left ${B} right",
        start: 1,
        end: 22,
      },
      "y",
    ]);
  });

  it("read `$$` as a dollar, and a text with no `$` as one part", () => {
    expect(parseTemplate("a$$b").parts).toEqual(["a$b"]);
    expect(parseTemplate("plain text").parts).toEqual(["plain text"]);
    expect(parseTemplate("").parts).toEqual([]);
  });

  it("keep the rest of the text as written from a `${` never closed", () => {
    expect(parseTemplate("a ${A:-b c")).toEqual({ parts: ["a ${A:-b c"], unclosed: 2 });
  });
});
