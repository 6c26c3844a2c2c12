import { describe, expect, it } from "vitest";
import { referencedNames, wholeReference } from "../../src/model/variable-reference.js";

describe("variable references", () => {
  it("name the variable a value consists of, in every form Compose writes", () => {
    for (const value of [
      "${DB}",
      "$DB",
      "${DB:-x}",
      "${DB-x}",
      "${DB:?set it}",
      "${DB?set it}",
      "${DB:+x}",
      "${DB:-${HOST:-x}}",
    ])
      expect(wholeReference(value), value).toBe("DB");
    for (const value of ["x${DB}", "${DB}x", "${1DB}", "$$DB", "${DB}${DB}", "DB", "${DB:-x", "${DB:=x}"])
      expect(wholeReference(value), value).toBeUndefined();
  });

  it("list every variable a value refers to", () => {
    expect(referencedNames("postgres://${USER:-app}:$PASSWORD@db/${NAME}")).toEqual([
      "USER",
      "PASSWORD",
      "NAME",
    ]);
    expect(referencedNames("no variables, only $5")).toEqual([]);
    expect(referencedNames("${DB_URL:-postgres://${USER}:${PASSWORD:+x}@db}")).toEqual([
      "DB_URL",
      "USER",
      "PASSWORD",
    ]);
  });
});
