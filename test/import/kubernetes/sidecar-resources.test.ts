import { describe, expect, it } from "vitest";
import { manifestRuleFindings } from "../../helpers/manifest-findings.js";
import { workloadHead } from "../../rules/cases.js";

describe("a sidecar that states some of its resources", () => {
  it("is hinted to set what it lacks, not what it states already", async () => {
    const sidecar = (name: string, resources: string) =>
      `{ name: ${name}, image: '${name}:1.0', resources: ${resources} }`;
    const { found } = await manifestRuleFindings(
      [
        ...workloadHead("Deployment", "web"),
        `    spec: { containers: [${[
          "{ name: web, image: 'web:1.0', resources: { requests: { cpu: 10m, memory: 32Mi }, limits: { memory: 64Mi } } }",
          sidecar("memory", "{ requests: { memory: 32Mi }, limits: { memory: 64Mi } }"),
          sidecar("cpu", "{ requests: { cpu: 10m } }"),
          sidecar("none", "{}"),
        ].join(", ")}] }`,
        "",
      ],
      "no-resource-limits",
    );
    expect(found.map((d) => [d.message, d.hint])).toEqual([
      [
        "container 'memory' of 'web' states no CPU request",
        "set resources.requests.cpu on this container too (250m, say)",
      ],
      [
        "container 'cpu' of 'web' states no memory request or limit",
        "set resources.requests.memory and resources.limits.memory on this container too (256Mi and 512Mi, say)",
      ],
      [
        "container 'none' of 'web' states no memory or CPU",
        "set resources.requests (memory and cpu) and resources.limits.memory on this container too",
      ],
    ]);
  });
});
