import { describe, expect, it } from "vitest";
import { manifestRuleFindings } from "../helpers/manifest-findings.js";
import { service, workloadHead } from "./cases.js";

/** A Deployment 'dns' whose container declares these ports, and a Service 'dns' of these (line 15). */
function dns(containerPorts: string, servicePorts: string): string[] {
  return [
    ...workloadHead("Deployment", "dns"),
    "    spec:",
    "      containers:",
    `        - { name: dns, image: 'dns:1.0', ports: ${containerPorts} }`,
    "---",
    ...service("dns", `{ selector: { app: dns }, ports: ${servicePorts} }`),
    "",
  ];
}

describe("a Service port whose targetPort names a container port of another protocol", () => {
  it("is reported at its targetPort, UDP to a TCP port as TCP to a UDP one, as Kubernetes finds no port of that name", async () => {
    const { found, at } = await manifestRuleFindings(
      dns(
        "[{ name: dns, containerPort: 53, protocol: UDP }, { name: metrics, containerPort: 9153 }]",
        "[{ name: a, port: 53, targetPort: dns }, { name: b, port: 9153, protocol: UDP, targetPort: metrics }]",
      ),
      "service-target-port-unknown",
    );
    expect(at).toEqual(["service-target-port-unknown@15:131", "service-target-port-unknown@15:74"]);
    expect(found.map((d) => [d.severity, d.message])).toEqual([
      [
        "error",
        "Service 'dns' sends TCP traffic to the port named 'dns', which the containers of 'dns' name only for UDP",
      ],
      [
        "error",
        "Service 'dns' sends UDP traffic to the port named 'metrics', which the containers of 'dns' name only for TCP",
      ],
    ]);
    expect(found[0]!.hint).toBe(
      "give the Service's port protocol: UDP, or name a container port of protocol TCP (ports: [{ name: …, containerPort: …, protocol: TCP }])",
    );
  });

  it("is taken where a container names the port for the Service port's protocol", async () => {
    const { at } = await manifestRuleFindings(
      dns(
        "[{ name: dns, containerPort: 53, protocol: UDP }, { name: dns-tcp, containerPort: 53 }]",
        "[{ name: a, port: 53, protocol: UDP, targetPort: dns }, { name: b, port: 53, protocol: TCP, targetPort: dns-tcp }]",
      ),
      "service-target-port-unknown",
    );
    expect(at).toEqual([]);
  });
});
