/**
 * A draft model that loads although the files gave it values the model refuses (a request above its
 * limit, a quantity it cannot read): each is left out and marked for the user to set, as the files'
 * own findings say what is wrong with it.
 */
import { valueAt } from "../../collections.js";
import { loadModelText } from "../../load/index.js";
import { VALUE_ERRORS } from "../../model/resolve/index.js";
import { instanceIdIndex } from "../input-nodes.js";
import { isObject } from "../json.js";

/** The notes on what was left out, per service id. */
export type RefusedValues = ReadonlyMap<string, string[]>;

/** Leaving out one refused value can reveal another behind it: a few rounds are enough for a real draft. */
const MAX_ROUNDS = 3;

/**
 * The draft's text, with what `fields` holds that the model refuses taken out of it (`fields` is
 * changed), and whether it loads; `render` writes the text with the notes on what was left out.
 */
export function draftWithoutRefused(
  fields: { services: object; environments: object },
  render: (refused: RefusedValues) => string,
): { text: string; loads: boolean } {
  const refused = new Map<string, string[]>();
  let text = render(refused);
  let loaded = loadModelText(text, "deployview.yaml");
  for (let round = 0; round < MAX_ROUNDS && loaded.model === undefined; round++) {
    const errors = loaded.diagnostics.filter((d) => d.severity === "error");
    const left = errors.flatMap(({ code, path = [], message }) => {
      // A service's field, or the field of how an environment runs it (…, run, id, field).
      const at = path[0] === "services" ? 1 : Math.max(instanceIdIndex(path), 0);
      const [id, field] = path.slice(at, at + 2);
      const owner = valueAt(fields, path.slice(0, at + 1));
      const where = path[0] === "environments" ? ` in ${String(path[1])}` : "";
      return VALUE_ERRORS.has(code) &&
        at > 0 &&
        isObject(owner) &&
        typeof field === "string" &&
        Object.hasOwn(owner, field)
        ? [{ id: String(id), owner, field, note: `${field} left out${where}: ${message}` }]
        : [];
    });
    // An error of another kind is not the files' value: leaving values out would not make it load.
    if (left.length < errors.length) break;
    for (const { id, owner, field, note } of left) {
      delete owner[field];
      refused.set(id, [...(refused.get(id) ?? []), note]);
    }
    text = render(refused);
    loaded = loadModelText(text, "deployview.yaml");
  }
  return { text, loads: loaded.model !== undefined };
}
