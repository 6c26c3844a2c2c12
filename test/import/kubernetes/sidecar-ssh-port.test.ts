import { describe, expect, it } from "vitest";
import { manifestRuleFindings } from "../../helpers/manifest-findings.js";
import { workloadHead } from "../../rules/cases.js";

/** A Deployment 'git' whose first container 'web' is followed by these lines (line 12 on). */
const pod = (...lines: string[]) => [
  ...workloadHead("Deployment", "git"),
  "    spec:",
  "      containers:",
  "        - name: web",
  "          image: 'gitea:1.21'",
  ...lines,
  "",
];

describe("port 22 in a container beside the workload's first", () => {
  it("is found where the sidecar or init container declares it, as in the first", async () => {
    const { found, at } = await manifestRuleFindings(
      pod(
        "        - name: sshd",
        "          image: 'sshd:9.6'",
        "          ports: [{ name: ssh, containerPort: 22 }]",
        "      initContainers:",
        "        - { name: tunnel, image: 'tunnel:1.0', restartPolicy: Always, ports: [{ containerPort: 22, protocol: TCP }] }",
      ),
      "ssh-port-exposed",
    );
    expect(at).toEqual(["ssh-port-exposed@14:47", "ssh-port-exposed@16:96"]);
    expect(found.map((d) => d.severity)).toEqual(["info", "info"]);
    expect(found.find((d) => d.message.includes("sshd"))!.message).toBe(
      "container 'sshd' of 'git' opens port 22, the port of SSH",
    );
  });

  it("is not found for port 22 over UDP, nor for another port named ssh", async () => {
    const { at } = await manifestRuleFindings(
      pod(
        "        - name: sidecar",
        "          image: 'sidecar:1.0'",
        "          ports: [{ containerPort: 22, protocol: UDP }, { name: ssh, containerPort: 2222 }]",
      ),
      "ssh-port-exposed",
    );
    expect(at).toEqual([]);
  });
});
