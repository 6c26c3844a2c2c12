import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Taken } from "../../src/emit/runtime/taken.js";
import { startTogether } from "../../src/model/profiles.js";
import type { Instance } from "../../src/model/types.js";

const instance = (id: string, profiles: string[]) => ({ id, service: { profiles } }) as unknown as Instance;
const profiles = fc.array(fc.constantFrom("dev", "prod", "debug", "ops"), { maxLength: 3 });
const bind = fc.constantFrom("127.0.0.1", "0.0.0.0", "10.0.0.1");

describe("Taken", () => {
  it("finds the first entry that matches and starts together, as looking through every entry would", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(profiles, bind), { maxLength: 12 }),
        fc.tuple(profiles, bind),
        (entries, [askedProfiles, askedBind]) => {
          const taken = new Taken<{ instance: Instance; bind: string }>();
          const all = entries.map(([p, b], index) => ({ instance: instance(`s${index}`, p), bind: b }));
          for (const entry of all) taken.add(entry);
          const asked = instance("asked", askedProfiles);
          const matches = (entry: { bind: string }) => entry.bind === askedBind;
          const expected = all.find(
            (entry) => matches(entry) && startTogether(entry.instance.service.profiles, askedProfiles),
          );
          expect(taken.first(asked, matches)).toBe(expected);
        },
      ),
    );
  });
});
