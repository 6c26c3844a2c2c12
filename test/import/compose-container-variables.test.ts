import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadComposeAsModel } from "../../src/import/compose/index.js";
import { lint } from "../../src/rules/index.js";
import { folderWith } from "../helpers/files.js";
import { located } from "../helpers/positions.js";

async function check(compose: string) {
  const dir = folderWith({ "compose.yaml": compose }, "deployview-container-variables-");
  const loaded = await loadComposeAsModel([join(dir, "compose.yaml")]);
  const found = [
    ...loaded.diagnostics,
    ...(loaded.model ? lint(loaded.model, { sources: loaded.sources }) : []),
  ];
  const picked = found.filter((d) =>
    ["container-variable-from-host", "compose-unset-variable"].includes(d.code),
  );
  return { at: located(picked, loaded.sources), hints: picked.map((d) => d.hint) };
}

describe("a variable the service sets, used where Compose fills it in", () => {
  it("says to double the $ as written, and to run a list through a shell, which alone expands it", async () => {
    const { at, hints } = await check(
      [
        "services:",
        "  c:",
        "    image: alpine:3.20",
        '    command: ["echo", "$MODE"]',
        '    entrypoint: [/bin/sh, -c, "echo ${MODE}"]',
        "    environment: [MODE=prod]",
        "",
      ].join("\n"),
    );
    expect(at).toEqual(["container-variable-from-host@4:24", "container-variable-from-host@5:37"]);
    expect(hints).toEqual([
      "write $$MODE (the $ doubled) so that the container reads its own MODE, and run the command through a shell (sh -c, CMD-SHELL): the list form expands no variable",
      "write $${MODE} (the $ doubled) so that the container reads its own MODE",
    ]);
  });

  it("is the one finding of a variable unset only there, and leaves the unset finding of one used elsewhere too", async () => {
    const only = await check(
      'services:\n  a:\n    image: alpine:3.20\n    command: sh -c "ls $DEPLOYVIEW_T_DIR"\n    environment: { DEPLOYVIEW_T_DIR: /srv }\n',
    );
    expect(only.at).toEqual(["container-variable-from-host@4:24"]);
    const also = await check(
      'services:\n  a:\n    image: "alpine:${DEPLOYVIEW_T_DIR}"\n    command: sh -c "ls $DEPLOYVIEW_T_DIR"\n    environment: { DEPLOYVIEW_T_DIR: /srv }\n',
    );
    expect(also.at).toEqual(["compose-unset-variable@3:20", "container-variable-from-host@4:24"]);
  });

  it("is not also a variable the example env file should list", async () => {
    const dir = folderWith(
      {
        "compose.yaml":
          'services:\n  a:\n    image: alpine:3.20\n    command: sh -c "ls $DEPLOYVIEW_T_DIR"\n    environment: { DEPLOYVIEW_T_DIR: /srv }\n',
        ".env.example": "OTHER=1\n",
      },
      "deployview-container-variables-",
    );
    const loaded = await loadComposeAsModel([join(dir, "compose.yaml")]);
    const found = [...loaded.diagnostics, ...lint(loaded.model!, { sources: loaded.sources })];
    expect(located(found, loaded.sources).filter((f) => f.includes("variable"))).toEqual([
      "container-variable-from-host@4:24",
    ]);
  });
});
