import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Taken } from "../../src/emit/runtime/taken.js";
import type { Instance } from "../../src/model/types.js";

const instance = (id: string, profiles: string[]) => ({ id, service: { profiles } }) as unknown as Instance;
const profiles = fc.array(fc.constantFrom("dev", "prod", "debug", "ops"), { maxLength: 3 });
const bind = fc.constantFrom("127.0.0.1", "0.0.0.0", "10.0.0.1");
/** Whether a service in these profiles starts when the profiles of `run` are asked for. */
const startsIn = (profiles: readonly string[], run: readonly string[]) =>
  profiles.length === 0 || profiles.some((profile) => run.includes(profile));

describe("Taken", () => {
  it("names the first entry that matches in each way an instance can be started, and the first in no profile, as looking through every entry would", () => {
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
          // One in profiles starts in each of them; one in none, alone or in any profile of the others.
          // Alone: the first of those in no profile, which start with it in every run.
          const runs = [
            [],
            ...(askedProfiles.length > 0
              ? askedProfiles
              : all.flatMap((entry) => entry.instance.service.profiles)
            ).map((profile) => [profile]),
          ];
          const firsts = runs.map((run) =>
            all.find((entry) => matches(entry) && startsIn(entry.instance.service.profiles, run)),
          );
          const expected = all.filter((entry) => firsts.includes(entry));
          expect(taken.firstInEachRun(asked, matches)).toEqual(expected);
        },
      ),
    );
  });

  it("answers the same asked in turn as entries are added, as it would asked afresh", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(profiles, bind), { maxLength: 16 }), (entries) => {
        const taken = new Taken<{ instance: Instance; bind: string }>();
        const added: { instance: Instance; bind: string }[] = [];
        for (const [index, [p, b]] of entries.entries()) {
          const entry = { instance: instance(`s${index}`, p), bind: b };
          for (const asked of ["127.0.0.1", "0.0.0.0"]) {
            const matches = (e: { bind: string }) => e.bind === asked || e.bind === "0.0.0.0";
            const afresh = new Taken<{ instance: Instance; bind: string }>();
            for (const earlier of added) afresh.add(earlier);
            expect(taken.firstInEachRun(entry.instance, matches, asked)).toEqual(
              afresh.firstInEachRun(entry.instance, matches, asked),
            );
          }
          taken.add(entry);
          added.push(entry);
        }
      }),
    );
  });
});
