/**
 * A service's fixed IPv4 address on a network (networks.<name>.ipv4_address), which Docker checks
 * when it connects the container: on a network the file makes, the address must lie in one of the
 * subnets its ipam config writes, and a network that writes none takes no fixed address at all
 * ("user specified IP address is supported only when connecting to networks with user configured
 * subnets"). An external network's subnets are not in the file: it is passed over.
 */
import { asText, isObject, type Json } from "../json.js";
import type { Report } from "./consistency.js";

/** An IPv4 address as a number, if `text` is one. */
function ipv4(text: string): number | undefined {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255))
    return undefined;
  return parts.reduce((sum, part) => sum * 256 + Number(part), 0);
}

/** Whether the IPv4 `address` lies in the subnet `cidr`; undefined where `cidr` is no IPv4 subnet. */
function inSubnet(address: number, cidr: string): boolean | undefined {
  const [base, bits] = cidr.split("/");
  const start = ipv4(base ?? "");
  const length = Number(bits);
  if (start === undefined || !/^\d{1,2}$/.test(bits ?? "") || length > 32) return undefined;
  const size = 2 ** (32 - length);
  const first = Math.floor(start / size) * size;
  return address >= first && address < first + size;
}

/** The subnets a network the file makes writes, or undefined for one that exists already. */
function subnetsOf(network: unknown): string[] | undefined {
  if (isObject(network) && network.external !== undefined && network.external !== false) return undefined;
  const config = isObject(network) && isObject(network.ipam) ? network.ipam.config : undefined;
  return Array.isArray(config)
    ? config.flatMap((entry) => (isObject(entry) && typeof entry.subnet === "string" ? [entry.subnet] : []))
    : [];
}

export function addressRefusals(merged: Json, report: Report): void {
  const networks = isObject(merged.networks) ? merged.networks : {};
  const services = isObject(merged.services) ? merged.services : {};
  for (const [id, raw] of Object.entries(services)) {
    if (!isObject(raw) || !isObject(raw.networks)) continue;
    for (const [name, entry] of Object.entries(raw.networks)) {
      if (!isObject(entry) || typeof entry.ipv4_address !== "string" || !Object.hasOwn(networks, name))
        continue;
      const address = ipv4(entry.ipv4_address.trim());
      const subnets = subnetsOf(networks[name]);
      // Not an address: the format's finding. External: its subnets are not known here.
      if (address === undefined || subnets === undefined) continue;
      const inside = subnets.map((subnet) => inSubnet(address, subnet));
      const v4 = subnets.filter((_, index) => inside[index] !== undefined);
      if (inside.includes(true)) continue;
      const at = ["services", id, "networks", name, "ipv4_address"];
      if (subnets.length === 0)
        report(
          "runtime-refused",
          `'${id}' takes the address ${asText(entry.ipv4_address)} on the network '${name}', which gives no subnet: Docker takes a fixed address only on a network whose subnets are written`,
          `give the network one: networks: { ${name}: { ipam: { config: [{ subnet: … }] } } }, or leave the address to Docker`,
          at,
        );
      else if (v4.length > 0)
        report(
          "runtime-refused",
          `'${id}' takes the address ${asText(entry.ipv4_address)} on the network '${name}', outside its subnet${v4.length > 1 ? "s" : ""} ${v4.join(", ")}: Docker refuses it`,
          "take an address inside the subnet, or widen the subnet",
          at,
        );
    }
  }
}
