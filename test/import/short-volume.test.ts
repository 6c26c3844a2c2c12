import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadComposeAsModel } from "../../src/import/compose/index.js";
import { parseShortVolume } from "../../src/import/compose/short-volume.js";
import { folderWith } from "../helpers/files.js";
import { located } from "../helpers/positions.js";

/** Compose's own reading, character by character: a colon after a lone letter is a drive's, one in ${…} the variable's. */
function composeParts(spec: string): string[] {
  const parts: string[] = [];
  let buffer = "";
  let depth = 0;
  for (let i = 0; i < spec.length; i++) {
    const char = spec[i]!;
    if (char === "$" && spec[i + 1] === "{") {
      depth++;
      buffer += char;
    } else if (char === "}" && depth > 0) {
      depth--;
      buffer += char;
    } else if (char === ":" && buffer.length === 1 && /\p{L}/u.test(buffer)) buffer += char;
    else if (char === ":" && depth === 0) {
      parts.push(buffer);
      buffer = "";
    } else buffer += char;
  }
  parts.push(buffer);
  return parts;
}

describe("a volume in Compose's short syntax", () => {
  it("is split into parts as Compose splits it, with or without variables", () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom("$", "{", "}", ":", "C", "d", "/", ",", "\\", "x"),
          minLength: 3,
          maxLength: 24,
        }),
        (spec) => {
          const parts = composeParts(spec);
          const read = parseShortVolume(spec);
          const [first = "", second, third] = parts;
          expect(read.target).toBe(second ?? first);
          expect(read.source).toBe(second === undefined || first === "" ? undefined : first);
          expect(read.options).toEqual(third === undefined ? [] : third.split(","));
          expect(read.problem !== undefined).toBe(parts.length > 3);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it.each([
    ["data:/data", { source: "data", target: "/data", bind: false, readOnly: false }],
    ["./cfg:/etc/app:ro,z", { source: "./cfg", target: "/etc/app", bind: true, readOnly: true }],
    ["C:\\data:/data", { source: "C:\\data", target: "/data", bind: true, readOnly: false }],
    ["c:/logs:/var/log:ro", { source: "c:/logs", target: "/var/log", bind: true, readOnly: true }],
    [
      "\\\\.\\pipe\\docker_engine:\\\\.\\pipe\\docker_engine",
      { source: "\\\\.\\pipe\\docker_engine", bind: true, target: "\\\\.\\pipe\\docker_engine" },
    ],
    ["${DATA:-./data}:/data:ro,rw", { source: "${DATA:-./data}", target: "/data", readOnly: false }],
    ["/var/lib/data", { target: "/var/lib/data", bind: false }],
    // An anonymous volume; a source left empty by a variable not set.
    [":/data", { target: "/data", bind: false }],
    ["/x", { target: "/x" }],
  ])("%s", (spec, expected) => {
    const read = parseShortVolume(spec);
    expect(read).toMatchObject(expected);
    if (!("source" in expected)) expect(read.source).toBeUndefined();
    expect(read.problem).toBeUndefined();
  });

  it("reads a single letter and a colon as a Windows drive, as Compose does, even where a volume was meant", () => {
    expect(parseShortVolume("r:/data")).toMatchObject({ target: "r:/data", bind: false });
    expect(parseShortVolume("r:/data").source).toBeUndefined();
  });

  it("is refused with too many colons", () => {
    expect(parseShortVolume("./x:/y:/z:ro").problem).toBe("too many colons");
  });

  it("keeps a Windows host path as a bind mount, read-only among other options, and reports the entry Compose refuses", async () => {
    const folder = folderWith({
      "compose.yaml": [
        "services:",
        "  app:",
        "    image: app:1.0",
        "    volumes:",
        "      - C:\\data:/data",
        "      - ./cfg:/etc/app:ro,z",
        "      - ./x:/y:/z:ro",
        "      - r:/data",
        "",
      ].join("\n"),
    });
    const loaded = await loadComposeAsModel([`${folder}/compose.yaml`]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([
      "schema-invalid-value@7:9",
      "runtime-refused@8:9",
    ]);
    // As Compose reads it, r:/data is no volume r but an anonymous one at a relative path.
    expect(loaded.diagnostics[1]!.hint).toBe(
      "Compose reads a single letter and a colon as a Windows drive: give the volume a longer name than 'r'",
    );
    const app = loaded.model!.services[0]!;
    expect(app.volumes.map((v) => `${v.type} ${v.source} ${v.path}${v.readOnly ? " ro" : ""}`)).toEqual([
      "bind C:\\data /data",
      "bind ./cfg /etc/app ro",
    ]);
  });
});
