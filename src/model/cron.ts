/**
 * Cron schedules as a Kubernetes CronJob takes them: five fields (minute, hour, day of month, month,
 * day of week) of numbers, ranges, lists, steps, `*` and `?`, names for months and days, or one of
 * the @ shorthands (@every 1h30m among them). A time zone goes in the CronJob's timeZone field, not in
 * the schedule.
 */

const SHORTHANDS = new Set(["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"]);
const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

interface Field {
  name: string;
  low: number;
  high: number;
  names?: readonly string[];
  /** Where the first name stands: JAN is 1, SUN is 0. */
  firstName?: number;
}

const FIELDS: readonly Field[] = [
  { name: "minute", low: 0, high: 59 },
  { name: "hour", low: 0, high: 23 },
  { name: "day of month", low: 1, high: 31 },
  { name: "month", low: 1, high: 12, names: MONTHS, firstName: 1 },
  // Kubernetes' parser takes 0-6 only: 7 for Sunday, which some crons take, it refuses.
  { name: "day of week", low: 0, high: 6, names: DAYS, firstName: 0 },
];

function value(text: string, field: Field): number | undefined {
  if (/^\d+$/.test(text)) {
    const number = Number(text);
    return number >= field.low && number <= field.high ? number : undefined;
  }
  const index = field.names?.indexOf(text.toUpperCase()) ?? -1;
  return index >= 0 ? index + (field.firstName ?? 0) : undefined;
}

/** Why one field cannot be read, or undefined. */
function fieldProblem(text: string, field: Field): string | undefined {
  for (const part of text.split(",")) {
    const [range, step, extra] = part.split("/");
    if (extra !== undefined || range === undefined || range === "") return `'${part}' in the ${field.name}`;
    if (step !== undefined && !(/^\d+$/.test(step) && Number(step) > 0))
      return `the step '${step}' in the ${field.name}`;
    // Kubernetes' parser reads ? as * in every field.
    if (range === "*" || range === "?") continue;
    const [from, to, more] = range.split("-");
    const low = value(from ?? "", field);
    const high = to === undefined ? low : value(to, field);
    if (more !== undefined || low === undefined || high === undefined || high < low)
      return `'${range}' in the ${field.name}, which runs ${field.low}-${field.high}${field.names ? ` or ${field.names[0]}-${field.names.at(-1)}` : ""}`;
  }
  return undefined;
}

/** Why a CronJob would refuse the schedule, or undefined where it takes it. */
export function cronProblem(schedule: string): string | undefined {
  const text = schedule.trim();
  if (/^(CRON_)?TZ=/.test(text))
    return "a time zone belongs in the CronJob's timeZone field, not in the schedule";
  // @every takes a duration as Go writes them: 1h30m, 90s, 500µs (the micro and mu signs escaped: the bundle stays ASCII).
  if (/^@every\s+(\d+(\.\d+)?(ns|us|\u00b5s|\u03bcs|ms|s|m|h))+$/.test(text)) return undefined;
  if (text.startsWith("@"))
    return SHORTHANDS.has(text)
      ? undefined
      : `'${text}' is none of ${[...SHORTHANDS].join(", ")}, nor @every with a duration`;
  const fields = text.split(/\s+/);
  if (fields.length !== 5)
    return `it has ${fields.length} field${fields.length === 1 ? "" : "s"}, where cron takes 5 (minute, hour, day of month, month, day of week)`;
  for (const [index, field] of FIELDS.entries()) {
    const problem = fieldProblem(fields[index]!, field);
    if (problem) return `it cannot read ${problem}`;
  }
  return undefined;
}
