import { describe, expect, it } from "vitest";
import { checkModel } from "../../../src/check/index.js";
import { loadManifestsAsModel } from "../../../src/import/kubernetes/index.js";
import { folderWith } from "../../helpers/files.js";
import { located } from "../../helpers/positions.js";
import { service, workloadHead } from "../../rules/cases.js";

/** A Deployment 'web' whose container declares the port http (8080) and has these probes (line 13 on). */
function withProbes(...probes: string[]) {
  return withPorts("ports: [{ name: http, containerPort: 8080 }]", probes);
}

/** A Deployment 'web' whose container has these ports and probes (line 13 on), and what follows it. */
async function withPorts(ports: string, probes: string[], after: string[] = []) {
  const text = [
    ...workloadHead("Deployment", "web"),
    "    spec:",
    "      containers:",
    "        - name: web",
    "          image: 'web:1.0'",
    `          ${ports}`,
    ...probes.map((probe) => `          ${probe}`),
    ...after,
    "",
  ].join("\n");
  const loaded = await loadManifestsAsModel([folderWith({ "app.yaml": text })]);
  const findings = loaded.model ? checkModel(loaded.model, { sources: loaded.sources }) : [];
  const health = loaded.model?.services[0]?.health;
  return {
    health: health && { type: health.type, path: health.path, port: health.port?.port },
    found: located([...loaded.diagnostics, ...findings], loaded.sources).filter(
      (f) =>
        !/^(no-resource-limits|image-|missing-health-check|runs-as-root|writable-root-filesystem|net-raw-not-dropped)/.test(
          f,
        ),
    ),
    codes: [...loaded.diagnostics, ...findings].map((d) => d.code),
  };
}

describe("a container's probes as its health check", () => {
  it("take a liveness probe of a port the container does not declare, and warn of it there", async () => {
    const { health, found } = await withProbes("livenessProbe: { httpGet: { path: /healthz, port: 9090 } }");
    expect(health).toEqual({ type: "http", path: "/healthz", port: 9090 });
    expect(found).toEqual(["health-port-undeclared@13:61"]);
  });

  it("take no other port for a probe of a port name the container does not give", async () => {
    const { health, found } = await withProbes("livenessProbe: { httpGet: { path: /healthz, port: admin } }");
    expect(health).toBeUndefined();
    expect(found).toEqual(["unknown-port@13:61"]);
  });

  it("are a health check all the same where none can be read, reported as such and not as missing", async () => {
    const { codes } = await withProbes("readinessProbe: { httpGet: { path: /ready, port: admin } }");
    expect(codes).toContain("unknown-port");
    expect(codes).not.toContain("missing-health-check");
    // Without any probe, the container has none.
    expect((await withProbes()).codes).toContain("missing-health-check");
  });

  it("take no port by a name only the Service in front gives, which the kubelet does not look up", async () => {
    const { health, found } = await withPorts(
      "ports: [{ containerPort: 8080 }]",
      ["livenessProbe: { tcpSocket: { port: http } }"],
      [
        "---",
        ...service("web", "{ selector: { app: web }, ports: [{ name: http, port: 80, targetPort: 8080 }] }"),
      ],
    );
    expect(health).toBeUndefined();
    expect(found).toEqual(["unknown-port@13:47"]);
  });

  it("take the readiness probe where the liveness probe's port is not the container's to name", async () => {
    const { health } = await withProbes(
      "livenessProbe: { tcpSocket: { port: admin } }",
      "readinessProbe: { httpGet: { path: /ready, port: http } }",
    );
    expect(health).toEqual({ type: "http", path: "/ready", port: 8080 });
  });

  it("take the readiness probe where the liveness probe says no way to probe", async () => {
    const { health } = await withProbes(
      "livenessProbe: { periodSeconds: 5 }",
      "readinessProbe: { tcpSocket: { port: 8080 } }",
    );
    expect(health).toEqual({ type: "tcp", path: undefined, port: 8080 });
  });

  it.each([
    ["0", "{ port: 0 }", "manifest-invalid@13:45"],
    ["70000", "{ port: 70000 }", "manifest-invalid@13:45"],
    ["1.5", "{ port: 1.5 }", "manifest-invalid@13:45"],
    ["none", "{ path: /healthz }", "manifest-invalid@13:37"],
  ])("refuse a probe of port %s, which is no port, and take nothing from it", async (_, handler, at) => {
    const { health, found, codes } = await withProbes(`livenessProbe: { httpGet: ${handler} }`);
    expect(health).toBeUndefined();
    expect(found).toEqual([at]);
    expect(codes).not.toContain("health-port-undeclared");
  });
});

describe("a probe of an init container", () => {
  /** A Deployment 'web' whose init container, a sidecar or not, has these probes (line 15 on). */
  async function initProbes(sidecar: boolean, probes: string[]) {
    return (
      await withPorts(
        "ports: [{ containerPort: 8080 }]",
        [],
        [
          "      initContainers:",
          "        - name: setup",
          "          image: 'setup:1.0'",
          ...(sidecar ? ["          restartPolicy: Always"] : []),
          ...probes.map((probe) => `          ${probe}`),
        ],
      )
    ).found;
  }
  const probes = [
    "livenessProbe: { tcpSocket: { port: 5000 } }",
    "readinessProbe: { httpGet: { path: /ready, port: admin } }",
  ];

  it("is reported once, as refused, where the init container runs to completion", async () => {
    expect(await initProbes(false, probes)).toEqual(["manifest-invalid@16:11", "manifest-invalid@17:11"]);
  });

  it("has its ports checked where the init container is a native sidecar, which may be probed", async () => {
    expect(await initProbes(true, probes)).toEqual(["unknown-port@18:60", "health-port-undeclared@17:47"]);
  });
});
