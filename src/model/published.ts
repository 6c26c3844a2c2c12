import type { PublishedPort } from "./types.js";

/** The host port as text: its number, or "any" where the system picks a free one. */
export function hostPortText(port: Pick<PublishedPort, "host">): string {
  return port.host === undefined ? "any" : String(port.host);
}

/** An address that binds every interface: no bind at all, or the wildcard of IPv4 or IPv6. */
const everyInterface = (bind: string | undefined) =>
  bind === undefined || bind === "0.0.0.0" || bind === "::";

/** Whether two binds of one port take the same address: the same one, or every interface on either side. */
export function bindsOverlap(a: string | undefined, b: string | undefined): boolean {
  return everyInterface(a) || everyInterface(b) || a === b;
}
