import { describe, expect, it } from "vitest";
import { manifestRuleFindings } from "../../helpers/manifest-findings.js";
import { workloadHead } from "../../rules/cases.js";

/** A DaemonSet 'edge' whose first container 'nginx' declares these ports (line 12). */
const edge = (ports: string) => [
  ...workloadHead("DaemonSet", "edge"),
  "    spec:",
  "      containers:",
  "        - name: nginx",
  "          image: 'nginx:1.25'",
  `          ports: ${ports}`,
  "",
];

describe("a host port 22", () => {
  it("is found where hostPort is written, where it publishes another container port on the node's SSH port", async () => {
    const { found, at } = await manifestRuleFindings(
      edge(
        "[{ name: http, containerPort: 80, hostPort: 80 }, { name: git, containerPort: 2222, hostPort: 22 }]",
      ),
      "ssh-port-exposed",
    );
    expect(at).toEqual(["ssh-port-exposed@12:112"]);
    expect(found[0]!.message).toBe("'edge' publishes its port 2222 on the node's port 22, the port of SSH");
  });

  it.each([
    "[{ containerPort: 2222, hostPort: 22, protocol: UDP }]",
    "[{ containerPort: 22, hostPort: 2222 }]",
    "[{ containerPort: 2222, hostPort: 2222 }]",
  ])("is not found for UDP, nor where the node's port is another: %s", async (ports) => {
    const { at } = await manifestRuleFindings(edge(ports), "ssh-port-exposed");
    // Container port 22 itself is found as the port of SSH, once.
    expect(at).toEqual(ports.includes("containerPort: 22,") ? ["ssh-port-exposed@12:19"] : []);
  });
});
