import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commandText, passesSecret } from "../../src/model/container-risks.js";

describe("a command line that passes a secret", () => {
  it("is found by its option, whichever way it is written, but not when a variable passes it", () => {
    expect(passesSecret(["server", "--password=hunter2"])).toBe(true);
    expect(passesSecret("redis-server --requirepass s3cret --maxmemory 100mb")).toBe(true);
    expect(passesSecret(["server", "--db-password", "${DB_PASSWORD}", "--token-file", "/run/t"])).toBe(false);
    expect(passesSecret(undefined)).toBe(false);
  });

  it("is shown in documents without the secret, and with a variable as written", () => {
    expect(commandText(["check", "--token", "abc123", "--verbose"])).toBe("check --token … --verbose");
    expect(commandText("server --password=$PW")).toBe("server --password=$PW");
    expect(commandText(["pg_isready", "-U", "app"])).toBe("pg_isready -U app");
  });

  it("is found the same with or without the quick test for a secret word first", () => {
    // The option pattern alone, as it was before the quick test was put in front of it.
    const option =
      /(?:^|[\s"'])-{0,2}(?:[\w-]*(?:password|passwd|secret|token|api[-_]?key)|pwd|pass|requirepass|masterauth)[=\s:]+(\S+)/gi;
    const part = fc.constantFrom(
      ..."--PassWord= -pwd token: api_key apiKey x-secret requirepass masterauth -p --db-pass $PW ${S} abc \" ' = : - _".split(
        " ",
      ),
      " ",
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
        const line = parts.join("");
        const expected = [...line.matchAll(option)].some(([, value]) => !value!.startsWith("$"));
        expect(passesSecret(line)).toBe(expected);
        expect(commandText(line) !== line).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
