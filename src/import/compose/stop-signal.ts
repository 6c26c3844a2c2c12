/**
 * A service's stop_signal, which Compose passes to Docker as written: Docker reads a number other
 * than 0, or a Linux signal's name in any case, with SIG or without, and refuses the container
 * otherwise ("invalid signal").
 */
import { asText, type Json } from "../json.js";
import type { Report } from "./consistency.js";

const NAMES = new Set([
  ..."ABRT ALRM BUS CHLD CLD CONT FPE HUP ILL INT IO IOT KILL PIPE POLL PROF PWR QUIT SEGV STKFLT STOP SYS TERM TRAP TSTP TTIN TTOU URG USR1 USR2 VTALRM WINCH XCPU XFSZ RTMIN RTMAX".split(
    " ",
  ),
  ...Array.from({ length: 15 }, (_, i) => `RTMIN+${i + 1}`),
  ...Array.from({ length: 14 }, (_, i) => `RTMAX-${i + 1}`),
]);

function knownSignal(text: string): boolean {
  if (/^[-+]?\d+$/.test(text)) return Number(text) !== 0;
  return NAMES.has(text.toUpperCase().replace(/^SIG/, ""));
}

export function stopSignalRefusal(id: string, raw: Json, report: Report): void {
  const value = raw.stop_signal;
  // Not text nor a number: the schema's finding. A variable left unset reads as nothing: SIGTERM.
  if ((typeof value !== "string" && typeof value !== "number") || value === "") return;
  const text = asText(value).trim();
  if (knownSignal(text)) return;
  report(
    "runtime-refused",
    // Quoting blanks would show '' and read as if nothing were written.
    text === ""
      ? `the stop_signal of '${id}' is blank, which Docker does not read as a signal and refuses to make the container with`
      : `'${id}' stops with the signal '${text}', which Docker does not know and refuses to make the container with`,
    "leave it out for SIGTERM, or name a signal such as SIGQUIT, SIGINT or SIGUSR1",
    ["services", id, "stop_signal"],
  );
}
