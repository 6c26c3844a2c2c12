import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadModelText } from "../../src/load/index.js";
import { cronProblem } from "../../src/model/cron.js";
import { located } from "../helpers/positions.js";

describe("cron schedules", () => {
  it("takes what a CronJob takes", () => {
    for (const schedule of [
      "0 3 * * *",
      "*/15 * * * *",
      "0 0-23/2 1,15 * MON-FRI",
      "30 4 ? JAN,jul sun",
      "0 0 * * 6",
      "@every 1h30m",
      // Go takes the micro sign and the Greek mu alike.
      "@every 500\u00b5s",
      "@every 500\u03bcs",
      "@hourly",
      "  5 4 * * *  ",
    ])
      expect(cronProblem(schedule), schedule).toBeUndefined();
  });

  it("says why it refuses the rest", () => {
    expect(cronProblem("0 0 3 * * *")).toBe(
      "it has 6 fields, where cron takes 5 (minute, hour, day of month, month, day of week)",
    );
    expect(cronProblem("60 * * * *")).toBe("it cannot read '60' in the minute, which runs 0-59");
    expect(cronProblem("0 3 * 13 *")).toBe("it cannot read '13' in the month, which runs 1-12 or JAN-DEC");
    expect(cronProblem("0 3 ? * *")).toBeUndefined();
    expect(cronProblem("? 3 * * *")).toBeUndefined();
    expect(cronProblem("*/0 * * * *")).toBe("it cannot read the step '0' in the minute");
    expect(cronProblem("0 5-2 * * *")).toBe("it cannot read '5-2' in the hour, which runs 0-23");
    expect(cronProblem("@fortnightly")).toMatch(/^'@fortnightly' is none of @yearly/);
    expect(cronProblem("@every fortnight")).toMatch(/nor @every with a duration$/);
    expect(cronProblem("0 0 * * 7")).toBe("it cannot read '7' in the day of week, which runs 0-6 or SUN-SAT");
    expect(cronProblem("CRON_TZ=Europe/Berlin 0 3 * * *")).toBe(
      "a time zone belongs in the CronJob's timeZone field, not in the schedule",
    );
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (schedule) => {
        const problem = cronProblem(schedule);
        expect(problem === undefined || typeof problem === "string").toBe(true);
      }),
    );
  });

  it("is an error where a model writes the schedule", () => {
    const text = [
      "system: { name: Shop }",
      "services:",
      "  backup: { kind: job, image: 'backup:1.0' }",
      "environments:",
      "  prod:",
      "    platform: kubernetes",
      "    nodes: { c: { kind: cluster, nodes: { ns: { kind: namespace, run: { backup: { workload: CronJob, schedule: '0 0 3 * * *' } } } } } }",
      "",
    ].join("\n");
    const loaded = loadModelText(text, "model.yaml");
    expect(located(loaded.diagnostics, loaded.sources)).toEqual(["invalid-schedule@7:112"]);
  });
});
