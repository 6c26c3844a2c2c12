import { describe, expect, it } from "vitest";
import { checkModel } from "../../../src/check/index.js";
import { importManifests, loadManifestsAsModel } from "../../../src/import/kubernetes/index.js";
import { folderWith } from "../../helpers/files.js";
import { located } from "../../helpers/positions.js";
import { workloadHead } from "../../rules/cases.js";

/** A Deployment 'web' whose UDP port 8080 is named as `containerNaming` says, and a NodePort Service in front of it. */
function published(containerNaming: string, serviceName: string) {
  const app = [
    ...workloadHead("Deployment", "web"),
    "    spec:",
    "      containers:",
    "        - name: web",
    "          image: 'web:1.0'",
    `          ports: [{ ${containerNaming}containerPort: 8080, protocol: UDP }]`,
    "---",
    "apiVersion: v1",
    "kind: Service",
    "metadata: { name: web }",
    "spec:",
    "  type: NodePort",
    "  selector: { app: web }",
    `  ports: [{ name: ${serviceName}, port: 80, targetPort: 8080, nodePort: 30080, protocol: UDP }]`,
    "",
  ].join("\n");
  return folderWith({ "app.yaml": app });
}

describe("a port named __proto__", () => {
  it.each([
    ["name: __proto__, ", "dns", ["invalid-port-name@12:27"]],
    ["", "__proto__", ["invalid-port-name@20:19"]],
  ])(
    "is kept by its number, reported where Kubernetes refuses it, and no object takes it for its prototype: container '%s', Service %s",
    async (containerNaming, serviceName, at) => {
      const folder = published(containerNaming, serviceName);
      const { imported } = await importManifests([folder]);
      const service = imported!.input.services.web!;
      const ports = service.ports as Record<string, unknown>;
      expect(Object.getPrototypeOf(ports)).toBe(Object.prototype);
      expect(Object.keys(ports)).not.toContain("__proto__");
      expect(Object.values(ports)).toEqual([{ port: 8080, protocol: "udp" }]);
      const { model, sources } = await loadManifestsAsModel([folder]);
      const diagnostics = checkModel(model!, { sources });
      expect(model!.environments[0]!.instances[0]!.publish.map((p) => p.host)).toEqual([30080]);
      expect(located(diagnostics, sources).filter((found) => found.startsWith("invalid-port-name"))).toEqual(
        at,
      );
    },
  );
});
