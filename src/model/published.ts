import type { PublishedPort } from "./types.js";

/** The host port as text: its number, or "any" where the system picks a free one. */
export function hostPortText(port: Pick<PublishedPort, "host">): string {
  return port.host === undefined ? "any" : String(port.host);
}
