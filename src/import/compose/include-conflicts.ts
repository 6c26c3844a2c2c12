/**
 * A resource an included file defines that the including file, or an earlier include, defines too,
 * differently. Compose 2 refuses the file ("services.db conflicts with imported resource"); Compose 5
 * takes the including file's definition over the included one. A file that works on a developer's
 * Compose and fails on a CI runner's is worth a warning, wherever deployview merges it.
 */
import { relative } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { locate } from "../../load/yaml-file.js";
import { isObject } from "../json.js";
import type { ComposeSource } from "./to-model.js";

const SECTIONS = [
  ["services", "service"],
  ["networks", "network"],
  ["volumes", "volume"],
  ["secrets", "secret"],
  ["configs", "config"],
] as const;

/** The definitions earlier include entries brought, by section and name, with the file that wrote each. */
export type IncludedDefinitions = Map<string, { value: unknown; source: ComposeSource }>;

/**
 * The conflicts of the sources one include entry loaded, all its files (`index` in `including`'s
 * include list), with the including document and with what earlier entries loaded (`taken`, which
 * this extends).
 */
export function includeConflicts(
  including: ComposeSource,
  index: number,
  loaded: readonly ComposeSource[],
  taken: IncludedDefinitions,
  folder: string,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  // The files of one entry are one project, merged as -f files are: they are compared with the
  // other entries' only once all of them are read.
  const brought: IncludedDefinitions = new Map();
  for (const source of loaded) {
    const where = relative(folder, source.yaml.file) || source.yaml.file;
    for (const [section, kind] of SECTIONS) {
      const entries = source.value[section];
      if (!isObject(entries)) continue;
      const own = isObject(including.value[section]) ? including.value[section] : {};
      for (const [name, value] of Object.entries(entries)) {
        const definition = () => locate(source.yaml, [section, name], "key");
        if (Object.hasOwn(own, name)) {
          if (isDeepStrictEqual(own[name], value)) continue;
          found.push(
            diagnostic(
              "include-conflict",
              "warning",
              `the ${kind} '${name}' is defined both here and, differently, in the included ${where}: Compose 2 refuses the file (${section}.${name} conflicts with imported resource), Compose 5 and later take this definition over the included one`,
              locate(including.yaml, [section, name], "key"),
              {
                hint: `define it in one place: drop it here, or change the included one through an override listed with it (include: [{ path: [${where}, <override file>] }])`,
                related: [{ ...definition(), message: "the included definition" }],
              },
            ),
          );
          continue;
        }
        const key = `${section}\u0000${name}`;
        const earlier = taken.get(key);
        if (!earlier) {
          brought.set(key, { value, source });
          continue;
        }
        if (isDeepStrictEqual(earlier.value, value)) continue;
        const first = relative(folder, earlier.source.yaml.file) || earlier.source.yaml.file;
        found.push(
          diagnostic(
            "include-conflict",
            "warning",
            `the ${kind} '${name}' of the included ${where} is defined differently in ${first}, included before it: Compose refuses the file (${section}.${name} conflicts with imported resource)`,
            locate(including.yaml, ["include", index], "value"),
            {
              hint: "define it in one of the included files, or alike in both",
              related: [
                { ...definition(), message: "this definition" },
                {
                  ...locate(earlier.source.yaml, [section, name], "key"),
                  message: "the one included before",
                },
              ],
            },
          ),
        );
      }
    }
  }
  for (const [key, definition] of brought) if (!taken.has(key)) taken.set(key, definition);
  return found;
}
