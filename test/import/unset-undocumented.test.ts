import { describe, expect, it } from "vitest";
import { diagnostic } from "../../src/diagnostics.js";
import { unsetAndUndocumented, unsetVariable } from "../../src/import/compose/unset-variables.js";
import type { ConfigVariable } from "../../src/model/types.js";
import { runCli } from "../helpers/cli.js";
import { folderWith } from "../helpers/files.js";

/** What `check` finds about variables in a project of these files: code, line:column and message. */
async function variableFindings(files: Record<string, string>): Promise<string[]> {
  const folder = folderWith(files);
  const result = await runCli(["check", "compose.yaml", "--format", "json"], folder);
  const { diagnostics } = JSON.parse(result.stdout) as {
    diagnostics: {
      code: string;
      message: string;
      hint?: string;
      range: { start: { line: number; column: number } };
    }[];
  };
  return diagnostics
    .filter((d) =>
      ["compose-unset-variable", "compose-required-variable", "undocumented-variable"].includes(d.code),
    )
    .map((d) => `${d.code}@${d.range.start.line}:${d.range.start.column} ${d.message} (${d.hint})`);
}

const compose = "services:\n  web:\n    image: nginx:1.25\n    environment:\n      LEVEL: ${LOG_LEVEL}\n";

describe("a variable used with no default", () => {
  it("is one finding that says both where it is neither set nor listed in the example env file", async () => {
    expect(await variableFindings({ "compose.yaml": compose, ".env.example": "OTHER=\n" })).toEqual([
      "compose-unset-variable@5:14 the variable LOG_LEVEL is not set and has no default, and .env.example does not list it (set it in .env or the environment, and add LOG_LEVEL= to .env.example)",
    ]);
    // Where a .env is read, the example still documents the project.
    expect(
      await variableFindings({ "compose.yaml": compose, ".env.example": "OTHER=\n", ".env": "OTHER=1\n" }),
    ).toEqual([
      "compose-unset-variable@5:14 the variable LOG_LEVEL is not set and has no default, and .env.example does not list it (set it in .env or the environment, and add LOG_LEVEL= to .env.example)",
    ]);
  });

  it("keeps each finding where only one holds", async () => {
    expect(await variableFindings({ "compose.yaml": compose })).toEqual([
      "compose-unset-variable@5:14 the variable LOG_LEVEL is not set and has no default (set it in .env or the environment)",
    ]);
    expect(
      await variableFindings({
        "compose.yaml": compose,
        ".env.example": "OTHER=\n",
        ".env": "LOG_LEVEL=info\n",
      }),
    ).toEqual([
      "undocumented-variable@5:14 ${LOG_LEVEL} is used here but not listed in .env.example (add LOG_LEVEL= to it)",
    ]);
    expect(await variableFindings({ "compose.yaml": compose, ".env.example": "LOG_LEVEL=info\n" })).toEqual(
      [],
    );
  });

  it("is one finding where it is required, not set and not listed in the example env file", async () => {
    const required =
      'services:\n  web:\n    image: nginx:1.25\n    environment:\n      LEVEL: "${LOG_LEVEL:?say how much to log}"\n';
    expect(await variableFindings({ "compose.yaml": required, ".env.example": "OTHER=\n" })).toEqual([
      'compose-required-variable@5:15 the variable LOG_LEVEL is required, and not set: "say how much to log"; .env.example does not list it (set it in .env or the environment, and add LOG_LEVEL= to .env.example)',
    ]);
    expect(await variableFindings({ "compose.yaml": required })).toEqual([
      'compose-required-variable@5:15 the variable LOG_LEVEL is required, and not set: "say how much to log" (set it in .env or the environment where Compose runs)',
    ]);
  });
});

describe("restating unset variables the example does not list", () => {
  it("returns each finding it says again, with its variable, and leaves the findings and variables it is given alone", () => {
    const use = { file: "compose.yaml", start: 40, end: 52 };
    const other = { file: "compose.yaml", start: 70, end: 80 };
    const unlisted: ConfigVariable = {
      name: "LOG_LEVEL",
      at: use,
      example: ".env.example",
      documented: false,
    };
    const listed: ConfigVariable = { name: "MODE", at: other, example: ".env.example", documented: true };
    const unrelated = diagnostic("image-latest-tag", "warning", "'web' runs nginx", use);
    const found = [unrelated, unsetVariable("LOG_LEVEL", use, ".env"), unsetVariable("MODE", other, ".env")];
    const before = structuredClone(found);
    const restated = unsetAndUndocumented(found, [unlisted, listed], ".env");
    expect(found).toEqual(before);
    expect(unlisted.unset).toBeUndefined();
    expect(restated).toEqual([
      {
        index: 1,
        restated: unsetVariable("LOG_LEVEL", use, ".env", ".env.example"),
        variable: unlisted,
      },
    ]);
  });
});
