import { describe, expect, it } from "vitest";
import { importManifests } from "../../../src/import/kubernetes/index.js";
import { folderWith } from "../../helpers/files.js";
import { workloadHead } from "../../rules/cases.js";

describe("a number a finding about the manifests quotes", () => {
  it("is quoted as the manifest writes it, not as it is read", async () => {
    const app = [
      ...workloadHead("Deployment", "web"),
      "    spec:",
      "      containers:",
      "        - name: web",
      "          image: 'web:1.0'",
      "          ports: [{ containerPort: 0x10000 }]",
      "          readinessProbe: { tcpSocket: { port: 0x10001 } }",
      "          livenessProbe: { tcpSocket: { port: 0x1F90 } }",
      "---",
      "apiVersion: v1",
      "kind: Service",
      "metadata: { name: web }",
      "spec:",
      "  type: NodePort",
      "  selector: { app: web }",
      "  ports: [{ port: 80, targetPort: 8080, nodePort: 1e3 }]",
      "",
    ]
      .join("\n")
      .replace("spec:\n", "spec:\n  replicas: -1e0\n");
    const { diagnostics, imported } = await importManifests([folderWith({ "app.yaml": app })]);
    const messages = [...diagnostics, ...(imported?.findings ?? [])].map((d) => d.message);
    expect(messages).toContain("Deployment 'web' asks for -1e0 replicas, which the API server refuses");
    expect(messages).toContain("containerPort 0x10000 of 'web' is no port: the API server takes 1 to 65535");
    expect(messages).toContain(
      "the readinessProbe of 'web' probes port 0x10001, which is no port: the API server takes 1 to 65535",
    );
    expect(messages).toContain(
      "the livenessProbe of 'web' probes port 0x1F90, which the container does not declare",
    );
    expect(messages).toContain(
      "node port 1e3 is outside 30000-32767, the range the API server gives node ports from unless the cluster was set up with another",
    );
  });
});
