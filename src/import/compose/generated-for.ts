/**
 * The environment a compose file deployview generated was made for, which it writes under an
 * extension key Compose passes over: checked as a compose file, it is judged as that environment.
 */
import { isObject } from "../json.js";

export const GENERATED_FOR = "x-deployview";

/** The environment the last of the files that names one was generated for. */
export function generatedFor(sources: readonly { value: unknown }[]): string | undefined {
  for (const { value } of [...sources].reverse()) {
    const mark = isObject(value) ? value[GENERATED_FOR] : undefined;
    if (isObject(mark) && typeof mark.environment === "string" && /^[\w.-]{1,63}$/.test(mark.environment))
      return mark.environment;
  }
  return undefined;
}
