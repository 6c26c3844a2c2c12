import { existsSync, mkdtempSync, readdirSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkModel } from "../../src/check/index.js";
import { importManifests, loadManifestsAsModel } from "../../src/import/kubernetes/index.js";
import { buildKustomization } from "../../src/import/kubernetes/kustomize.js";
import { jsonPatch, strategicMerge } from "../../src/import/kubernetes/patch.js";
import type { ServiceInputType } from "../../src/model/schema.js";
import { runCli } from "../helpers/cli.js";
import { repoRoot } from "../helpers/examples.js";
import { folderWith } from "../helpers/files.js";
import { manifestRuleFindings } from "../helpers/manifest-findings.js";
import { located } from "../helpers/positions.js";
import type { ParsedObject } from "../k8s/validate.js";
import { oneContainer, selectsNothing, service, workloadHead } from "../rules/cases.js";

const fixtures = `${repoRoot}test/fixtures/kubernetes`;

/** Manifests written as one file of a folder of their own, read as a model. */
function loadManifestText(lines: string[] | string) {
  const folder = mkdtempSync(join(tmpdir(), "deployview-k8s-"));
  writeFileSync(join(folder, "app.yaml"), typeof lines === "string" ? lines : lines.join("\n"));
  return loadManifestsAsModel([folder]);
}

/** A Deployment 'api' whose pod's first container, 'api', the lines that follow go on describing. */
const apiContainer = () => [
  ...workloadHead("Deployment", "api"),
  "    spec:",
  "      containers:",
  "        - name: api",
  "          image: 'api:1.0'",
];

describe("Kubernetes manifests as a model", () => {
  it("turns workloads, Services, autoscalers, budgets, claims, config and Ingress into services and instances", async () => {
    const { imported, diagnostics, sources } = await importManifests([`${fixtures}/shop`]);
    expect(located(diagnostics, sources)).toEqual(["manifest-kind-skipped@61:7"]);
    const input = imported!.input as unknown as {
      services: Record<string, Record<string, unknown>>;
      secrets: Record<string, unknown>;
      environments: {
        kubernetes: Record<string, unknown> & {
          nodes: { cluster: { nodes: Record<string, Record<string, unknown>> } };
        };
      };
    };
    const api = input.services.api!;
    expect(api).toMatchObject({
      kind: "api",
      image: "registry.example.com/shop/api:2.1.0",
      command: ["--port", "8080"],
      // The container's unnamed port takes the name the Service gives it.
      ports: { http: 8080, metrics: 9100 },
      health: { http: "/healthz", port: "http", interval: "10s", timeout: "2s", retries: 3 },
      memory: { request: "256Mi", limit: "512Mi" },
      cpu: { request: "250m", limit: "1" },
      security: { "run-as-non-root": true, user: 1000 },
      uses: ["db", "cache"],
    });
    // ConfigMap values come in; the Secret's value never does, only its name and key; the downward API is left out.
    expect(api.env).toEqual({
      LOG_LEVEL: "info",
      DATABASE_HOST: "db.shop.svc.cluster.local",
      DB_PASSWORD: { secret: "api-secrets", key: "DB_PASSWORD" },
      CACHE_URL: "redis://cache:6379/0",
    });
    expect(JSON.stringify(input)).not.toContain("not-for-documents");
    expect(input.secrets).toEqual({ "api-secrets": { source: "kubernetes" } });
    expect(input.services.db).toMatchObject({
      kind: "database",
      health: { command: ["pg_isready", "-U", "shop"] },
      volumes: { data: { path: "/var/lib/postgresql/data", type: "volume", size: "20Gi" } },
    });
    expect(input.services.cache!.volumes).toEqual({ scratch: { path: "/data", type: "tmpfs" } });
    expect(input.services.backup).toMatchObject({ kind: "job", restart: "on-failure", "max-restarts": 2 });
    expect(input.services.web!.uses).toEqual(["api"]);

    const environment = input.environments.kubernetes;
    expect(environment).toMatchObject({
      platform: "kubernetes",
      access: "public",
      infrastructure: { TLS: "at the ingress (ingress)" },
    });
    const nodes = environment.nodes.cluster.nodes;
    expect(Object.keys(nodes)).toEqual(["shop", "ingress"]);
    expect(nodes.shop!.run).toEqual({
      // Several replicas with no spread constraint or anti-affinity: spread: false, for the rule to see.
      api: {
        workload: "Deployment",
        replicas: { min: 2, max: 8, "cpu-target": 70 },
        "disruption-budget": { "min-available": 1 },
        spread: false,
      },
      // Written in its manifest, as 1, so that a finding about its count points there.
      db: { workload: "StatefulSet", replicas: 1, storage: { data: "20Gi" } },
      cache: { workload: "Deployment" },
      web: {
        workload: "Deployment",
        replicas: 2,
        "disruption-budget": false,
        spread: false,
        publish: { http: 443 },
        notes: ["Also runs the container 'log-shipper' (fluent/fluent-bit:3.1)"],
      },
      backup: { workload: "CronJob", schedule: "0 3 * * *" },
    });
    expect(nodes.ingress).toEqual({
      kind: "ingress",
      name: "Ingress shop",
      technology: "nginx",
      properties: { Host: "shop.example.com", TLS: "from the Secret shop-tls" },
      routes: { "/api": { to: "api", port: "http" }, "/": { to: "web", port: "http" } },
    });
  });

  it("resolves into a model whose findings point into the manifests", async () => {
    const loaded = await loadManifestsAsModel([`${fixtures}/shop`]);
    expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const found = checkModel(loaded.model!, { sources: loaded.sources });
    expect(
      located(
        found.filter((d) => d.code === "replicas-without-disruption-budget"),
        loaded.sources,
      ),
    ).toEqual(["replicas-without-disruption-budget@5:13"]);
    const budget = found.find((d) => d.code === "replicas-without-disruption-budget")!;
    expect(budget.file).toBe(`${fixtures}/shop/edge.yaml`);
    const web = loaded.model!.environments[0]!.instances.find((i) => i.id === "web")!;
    expect(web.publish.map((p) => [p.port.name, p.host])).toEqual([["http", 443]]);
  });

  it("reads the host's namespaces and the container's privileges, and points findings at them", async () => {
    const folder = mkdtempSync(join(tmpdir(), "deployview-k8s-"));
    writeFileSync(
      join(folder, "agent.yaml"),
      [
        ...workloadHead("DaemonSet", "agent"),
        "    spec:",
        "      hostNetwork: true",
        "      hostPID: true",
        "      hostIPC: true",
        "      containers:",
        "        - name: agent",
        "          image: agent:1.0",
        "          securityContext: { privileged: true, runAsUser: 0, capabilities: { add: [NET_ADMIN] }, seccompProfile: { type: Unconfined } }",
        "",
      ].join("\n"),
    );
    const loaded = await loadManifestsAsModel([folder]);
    expect(loaded.model!.services[0]).toMatchObject({ networkMode: "host", pid: "host", ipc: "host" });
    const found = checkModel(loaded.model!, { sources: loaded.sources }).filter((d) =>
      [
        "host-namespace",
        "privileged-container",
        "runs-as-root",
        "dangerous-capability",
        "unconfined-profile",
      ].includes(d.code),
    );
    expect(located(found, loaded.sources)).toEqual([
      "dangerous-capability@15:84",
      "host-namespace@9:7",
      "host-namespace@10:7",
      "host-namespace@11:7",
      "privileged-container@15:42",
      "runs-as-root@15:59",
      "unconfined-profile@15:114",
    ]);
  });

  it("finds in sidecars and init containers what the rules find in services, where it is written", async () => {
    const loaded = await loadManifestText([
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata: { name: api }",
      "spec:",
      "  template:",
      "    spec:",
      "      securityContext: { runAsUser: 0 }",
      "      initContainers:",
      "        - name: setup",
      "          image: busybox",
      "          securityContext: { capabilities: { add: [SYS_ADMIN, CHOWN] }, seccompProfile: { type: Unconfined } }",
      "      containers:",
      "        - name: api",
      "          image: api:1.0",
      "        - name: agent",
      "          image: agent:1.2@sha256:0123",
      "          securityContext: { privileged: true, runAsUser: 0 }",
      "          env: [{ name: API_TOKEN, value: tok-abcdef123456 }, { name: MODE, value: fast }]",
      "          args: [--listen, ':80', --admin-password, s3cret]",
      "          volumeMounts: [{ name: docker, mountPath: /var/run/docker.sock }, { name: etc, mountPath: /host/etc, readOnly: true }]",
      "        # deployview-disable-next-line image-latest-tag -- the vendor publishes no versions",
      "        - { name: logs, image: 'Vendor/logs:latest' }",
      "      volumes: [{ name: docker, hostPath: { path: /var/run/docker.sock } }, { name: etc, hostPath: { path: /etc/ } }]",
      "",
    ]);
    const codes = [
      "secret-in-command",
      "unconfined-profile",
      "image-latest-tag",
      "invalid-image-name",
      "privileged-container",
      "runs-as-root",
      "dangerous-capability",
      "docker-socket-mounted",
      "sensitive-host-mount",
      "plaintext-secret",
    ];
    const found = checkModel(loaded.model!, { sources: loaded.sources }).filter((d) =>
      codes.includes(d.code),
    );
    expect(located(found, loaded.sources).sort()).toEqual([
      "dangerous-capability@11:52",
      "docker-socket-mounted@20:26",
      "image-latest-tag@10:18",
      // A digest too short to be one.
      "invalid-image-name@16:18",
      "invalid-image-name@22:32",
      "plaintext-secret@18:43",
      "privileged-container@17:42",
      // The pod's user is the first container's finding; the agent's own is its.
      "runs-as-root@17:59",
      "runs-as-root@7:37",
      "secret-in-command@19:53",
      "sensitive-host-mount@20:77",
      "unconfined-profile@11:89",
    ]);
    expect(found.find((d) => d.code === "sensitive-host-mount")!.message).toBe(
      "container 'agent' of 'api' mounts the host's /etc (read-only)",
    );
    const privileged = found.find((d) => d.code === "privileged-container")!;
    expect(privileged.message).toBe("container 'agent' of 'api' runs privileged");
    // The rule's hint, which the importer's finding does not repeat.
    expect(privileged.hint).toBe("remove privileged: true");
  });

  it("warns of ConfigMaps and claims a pod needs that the manifests do not define in its namespace, unless optional", async () => {
    const { diagnostics, sources } = await loadManifestText([
      ...workloadHead("Deployment", "web", "shop"),
      "    spec:",
      "      containers:",
      "        - name: web",
      "          image: web:1.0",
      "          envFrom: [{ configMapRef: { name: web-config } }, { configMapRef: { name: extra, optional: true } }]",
      "          env: [{ name: CA, valueFrom: { configMapKeyRef: { name: kube-root-ca.crt, key: ca.crt } } }]",
      "      volumes:",
      "        - { name: data, persistentVolumeClaim: { claimName: web-data } }",
      "        - { name: files, projected: { sources: [{ configMap: { name: elsewhere } }] } }",
      "---",
      "apiVersion: v1",
      "kind: ConfigMap",
      "metadata: { name: web-config, namespace: shop }",
      "data: { MODE: prod }",
      "---",
      "apiVersion: v1",
      "kind: ConfigMap",
      "metadata: { name: elsewhere, namespace: other }",
      "data: { MODE: prod }",
      "",
    ]);
    expect(located(diagnostics, sources)).toEqual(["unknown-volume@15:61", "unknown-config@16:70"]);
    expect(diagnostics.map((d) => d.severity)).toEqual(["warning", "warning"]);
    expect(diagnostics[1]!.message).toBe(
      "Deployment 'web' needs the ConfigMap 'elsewhere', which the manifests here do not define in its namespace",
    );
  });

  it("warns of a key a pod reads from a ConfigMap the manifests define without it, unless optional", async () => {
    const { diagnostics, sources } = await loadManifestText([
      ...workloadHead("Deployment", "web"),
      "    spec:",
      "      containers:",
      "        - name: web",
      "          image: web:1.0",
      "          env:",
      "            - { name: A, valueFrom: { configMapKeyRef: { name: web-config, key: maxmemory } } }",
      "            - { name: B, valueFrom: { configMapKeyRef: { name: web-config, key: mode } } }",
      "            - { name: C, valueFrom: { configMapKeyRef: { name: web-config, key: extra, optional: true } } }",
      "            - { name: D, valueFrom: { configMapKeyRef: { name: web-config, key: logo.png } } }",
      "      volumes:",
      "        - { name: conf, configMap: { name: web-config, items: [{ key: mode, path: mode }, { key: nginx.conf, path: n.conf }] } }",
      "---",
      "apiVersion: v1",
      "kind: ConfigMap",
      "metadata: { name: web-config }",
      "data: { mode: prod, maxmem: 100mb }",
      "binaryData: { logo.png: aGVsbG8= }",
      "",
    ]);
    expect(located(diagnostics, sources)).toEqual(["unknown-config@13:81", "unknown-config@18:98"]);
    expect(diagnostics.map((d) => d.severity)).toEqual(["warning", "warning"]);
    expect(diagnostics[0]!.message).toBe(
      "Deployment 'web' needs the key 'maxmemory' of the ConfigMap 'web-config', which has no such key (it has mode, maxmem, logo.png)",
    );
  });

  it("reports what the API server refuses though every field has the right type", async () => {
    const { diagnostics, sources } = await loadManifestText([
      ...workloadHead("Deployment", "web"),
      "    spec:",
      "      initContainers: [{ name: setup, image: 'setup:1.0' }]",
      "      containers:",
      "        - name: web",
      "          image: web:1.0",
      "          readinessProbe: { tcpSocket: { port: 8080 }, httpGet: { path: /, port: 8080 } }",
      "          livenessProbe: { httpGet: { path: /, port: 8080 } }",
      "        - { name: setup, image: 'agent:1.0' }",
      "---",
      "apiVersion: v1",
      "kind: Service",
      "metadata: { name: web }",
      "spec:",
      "  selector: { app: web }",
      "  ports:",
      "    - { name: dns, port: 53, protocol: UDP }",
      "    - { name: dns-tcp, port: 53 }",
      "    - { port: 80 }",
      "    - { name: http, port: 80 }",
      "    - { name: admin, port: 81, nodePort: 30081 }",
      "",
    ]);
    expect(located(diagnostics, sources)).toEqual([
      "manifest-invalid@13:65",
      "manifest-invalid@15:19",
      "manifest-invalid@25:7",
      "manifest-invalid@26:27",
      "manifest-invalid@27:42",
    ]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      "the readinessProbe of 'web' probes by tcpSocket and httpGet, where the API server takes one",
      "Deployment 'web' has two containers named 'setup', which the API server refuses",
      "Service 'web' has 5 ports, not all of them named, which the API server refuses",
      "Service 'web' has port 80/TCP twice, which the API server refuses",
      "Service 'web' is of type ClusterIP, which opens no node port, and asks for one, which the API server refuses",
    ]);
  });

  it("reports a Job or CronJob whose pods set no restartPolicy, which defaults to Always and is refused", async () => {
    const { diagnostics, sources } = await loadManifestText([
      "apiVersion: batch/v1",
      "kind: Job",
      "metadata: { name: migrate }",
      "spec:",
      "  template:",
      "    spec:",
      "      containers: [{ name: migrate, image: 'migrate:1.0' }]",
      "---",
      "apiVersion: batch/v1",
      "kind: CronJob",
      "metadata: { name: cleanup }",
      "spec:",
      "  schedule: '0 3 * * *'",
      "  jobTemplate:",
      "    spec:",
      "      template:",
      "        spec: { containers: [{ name: cleanup, image: 'cleanup:1.0' }] }",
      "---",
      "apiVersion: batch/v1",
      "kind: Job",
      "metadata: { name: seed }",
      "spec: { template: { spec: { restartPolicy: Never, containers: [{ name: seed, image: 'seed:1.0' }] } } }",
      "",
    ]);
    expect(located(diagnostics, sources)).toEqual(["manifest-invalid@6:5", "manifest-invalid@17:9"]);
    expect(diagnostics[0]!.message).toBe(
      "a Job's pods take restartPolicy OnFailure or Never, and these set none, so Always: the API server refuses it",
    );
  });

  it("reports a volume mount that names no volume of the pod, a StatefulSet's claim templates counted", async () => {
    const { diagnostics, sources } = await loadManifestText([
      ...workloadHead("Deployment", "web"),
      "    spec:",
      "      initContainers: [{ name: setup, image: 'setup:1.0', volumeMounts: [{ name: cache, mountPath: /cache }] }]",
      "      containers:",
      "        - name: web",
      "          image: web:1.0",
      "          volumeMounts: [{ name: config, mountPath: /etc/web }, { name: data, mountPath: /data }]",
      "      volumes: [{ name: config, configMap: { name: web } }, { name: cache, emptyDir: {} }]",
      "---",
      ...workloadHead("StatefulSet", "db"),
      "    spec: { containers: [{ name: db, image: 'db:1.0', volumeMounts: [{ name: data, mountPath: /var/lib/db }, { name: logs, mountPath: /logs }] }] }",
      "  volumeClaimTemplates: [{ metadata: { name: data }, spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } } }]",
      "",
    ]);
    expect(
      located(
        diagnostics.filter((d) => d.code === "manifest-invalid"),
        sources,
      ),
    ).toEqual(["manifest-invalid@13:73", "manifest-invalid@23:118"]);
    expect(diagnostics.find((d) => d.code === "manifest-invalid")!.message).toBe(
      "'web' mounts the volume 'data', which its pod does not define: the API server refuses it",
    );
  });

  it("reports a probe's timing or threshold below 0, which the API server refuses", async () => {
    const { diagnostics, sources } = await loadManifestText([
      ...apiContainer(),
      "          livenessProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: -5, periodSeconds: 0 }",
      "          readinessProbe: { tcpSocket: { port: 80 }, failureThreshold: -1 }",
      "",
    ]);
    expect(
      located(
        diagnostics.filter((d) => d.code === "manifest-invalid"),
        sources,
      ),
    ).toEqual(["manifest-invalid@12:74", "manifest-invalid@13:72"]);
    expect(diagnostics.find((d) => d.code === "manifest-invalid")!.message).toBe(
      "the livenessProbe of 'api' sets initialDelaySeconds -5, where the API server takes 0 or more",
    );
  });

  it("reports a container or host port out of the range the API server takes", async () => {
    const { diagnostics, sources } = await loadManifestText([
      ...workloadHead("Deployment", "web"),
      "    spec:",
      "      containers:",
      "        - name: web",
      "          image: web:1.0",
      "          ports: [{ containerPort: 70000, name: http }, { containerPort: 8080, hostPort: 0 }, { containerPort: 9090 }]",
      "",
    ]);
    expect(located(diagnostics, sources)).toEqual(["manifest-invalid@12:36", "manifest-invalid@12:90"]);
    expect(diagnostics[0]!.message).toBe(
      "containerPort 70000 of 'web' is no port: the API server takes 1 to 65535",
    );
  });

  it("keeps requests without limits requests, so that nothing generated from them caps the container", async () => {
    const loaded = await loadManifestText([
      ...workloadHead("Deployment", "api"),
      "    spec: { containers: [{ name: api, image: 'api:1.0', resources: { requests: { cpu: 100m, memory: 128Mi } } }] }",
      "",
    ]);
    const [api] = loaded.model!.services;
    expect([api!.memory?.requestOnly, api!.cpu?.requestOnly, api!.memory?.request]).toEqual([
      true,
      true,
      128 * 1024 ** 2,
    ]);
  });

  it("holds a sidecar to resources as the first container, and to a CPU request where an autoscaler scales on CPU", async () => {
    const loaded = await loadManifestText([
      ...workloadHead("Deployment", "api"),
      "    spec:",
      "      initContainers: [{ name: migrate, image: 'api:1.0' }]",
      "      containers:",
      "        - { name: api, image: 'api:1.0', resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { memory: 256Mi } } }",
      "        - { name: log-shipper, image: 'shipper:2.0' }",
      "        - { name: proxy, image: 'proxy:1.0', resources: { requests: { cpu: 50m, memory: 64Mi } } }",
      "---",
      "apiVersion: autoscaling/v2",
      "kind: HorizontalPodAutoscaler",
      "metadata: { name: api }",
      "spec: { scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: api }, minReplicas: 2, maxReplicas: 4 }",
      "",
    ]);
    const found = checkModel(loaded.model!, { sources: loaded.sources }).filter(
      (d) => d.code === "no-resource-limits" || d.code === "hpa-without-cpu-request",
    );
    // The init container runs before the others, and is not what the autoscaler measures; it is
    // packed by what it states, as they are.
    expect(found.map((d) => `${d.code}: ${d.message}`)).toEqual([
      "hpa-without-cpu-request: container 'log-shipper' of 'api' requests no CPU, and the autoscaler of 'api' scales on CPU utilisation: it cannot compute the pods' use",
      "no-resource-limits: init container 'migrate' of 'api' states no memory or CPU",
      "no-resource-limits: container 'log-shipper' of 'api' states no memory or CPU",
    ]);
    expect(located(found, loaded.sources)).toEqual([
      "hpa-without-cpu-request@12:19",
      "no-resource-limits@9:32",
      "no-resource-limits@12:19",
    ]);
  });

  it("routes an Ingress to the workload where its Service aims at a port name no container gives", async () => {
    const loaded = await loadManifestText([
      ...workloadHead("Deployment", "api"),
      "    spec: { containers: [{ name: api, image: 'api:1.0', ports: [{ name: web, containerPort: 8080 }] }] }",
      "---",
      ...service("api", "{ selector: { app: api }, ports: [{ name: a, port: 80, targetPort: http }] }"),
      "---",
      "apiVersion: networking.k8s.io/v1",
      "kind: Ingress",
      "metadata: { name: api }",
      "spec: { rules: [{ http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: api, port: { number: 80 } } } }] } }] }",
      "",
    ]);
    // The model is made, and the rules run: the one fault is the Service's.
    expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const codes = checkModel(loaded.model!, { sources: loaded.sources }).map((d) => d.code);
    expect(codes).toContain("service-target-port-unknown");
    expect(codes).toContain("missing-health-check");
  });

  it("holds sidecars to the request an autoscaler divides by: memory for memory, none where a container's own metric names another", async () => {
    const findingsFor = async (metrics: string) => {
      const { found } = await manifestRuleFindings(
        [
          ...workloadHead("Deployment", "api"),
          "    spec:",
          "      containers:",
          "        - { name: main, image: 'api:1.0', resources: { requests: { cpu: 100m, memory: 128Mi } } }",
          "        - { name: side, image: 'side:1.0', resources: { requests: { cpu: 10m } } }",
          "---",
          "apiVersion: autoscaling/v2",
          "kind: HorizontalPodAutoscaler",
          "metadata: { name: api }",
          `spec: { scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: api }, minReplicas: 2, maxReplicas: 4, metrics: [${metrics}] }`,
          "",
        ],
        "hpa-without-cpu-request",
      );
      return found.map((d) => d.message);
    };
    expect(
      await findingsFor(
        "{ type: Resource, resource: { name: memory, target: { type: Utilization, averageUtilization: 70 } } }",
      ),
    ).toEqual([
      "container 'side' of 'api' requests no memory, and the autoscaler of 'api' scales on memory utilisation: it cannot compute the pods' use",
    ]);
    expect(
      await findingsFor(
        "{ type: ContainerResource, containerResource: { name: memory, container: main, target: { type: Utilization, averageUtilization: 70 } } }",
      ),
    ).toEqual([]);
  });

  it("takes an Ingress backend that is an ExternalName Service for a name outside the cluster, with no ports to check", async () => {
    const { diagnostics } = await loadManifestText([
      "apiVersion: v1",
      "kind: Service",
      "metadata: { name: ext }",
      "spec: { type: ExternalName, externalName: api.example.com }",
      "---",
      "apiVersion: networking.k8s.io/v1",
      "kind: Ingress",
      "metadata: { name: web }",
      "spec: { rules: [{ http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: ext, port: { number: 80 } } } }] } }] }",
      "",
    ]);
    expect(diagnostics.map((d) => d.code)).not.toContain("unknown-port");
  });

  it("says a document that is a list of objects is not one kubectl takes, where it was passed over", async () => {
    const { diagnostics, sources } = await loadManifestText([
      "- apiVersion: v1",
      "  kind: Service",
      "  metadata: { name: a }",
      "  spec: { ports: [{ port: 80 }] }",
      "",
    ]);
    expect(located(diagnostics, sources)).toContain("manifest-invalid@1:1");
    expect(diagnostics.find((d) => d.code === "manifest-invalid")!.message).toBe(
      "this document is a list of objects, which kubectl does not take as one",
    );
  });

  it("checks a bare Pod as a workload of one, with the Service that selects it", async () => {
    const loaded = await loadManifestText([
      "apiVersion: v1",
      "kind: Pod",
      "metadata: { name: debug, labels: { app: debug } }",
      "spec:",
      "  hostNetwork: true",
      "  containers: [{ name: shell, image: 'ubuntu:24.04', securityContext: { privileged: true } }]",
      "---",
      ...service("debug", "{ selector: { app: debug }, ports: [{ port: 80 }] }"),
      "",
    ]);
    expect(loaded.diagnostics.map((d) => d.code)).not.toContain("manifest-kind-skipped");
    const codes = checkModel(loaded.model!, { sources: loaded.sources }).map((d) => d.code);
    expect(codes).toContain("privileged-container");
    expect(codes).toContain("host-namespace");
    expect(codes).not.toContain("service-selects-nothing");
    expect(loaded.model!.environments[0]!.instances[0]!.replicas.max).toBe(1);
  });

  it("reports a misspelt kind of a built-in API version, a kind it may not serve, and a kind without its apiVersion", async () => {
    const { diagnostics, sources } = await loadManifestText([
      "apiVersion: apps/v1",
      "kind: Deploymnet",
      "metadata: { name: typo }",
      "---",
      "apiVersion: v1",
      "kind: Widget",
      "metadata: { name: w }",
      "---",
      "kind: Service",
      "metadata: { name: versionless }",
      "---",
      "apiVersion: example.com/v1",
      "kind: Thing",
      "metadata: { name: custom }",
      "---",
      "apiVersion: v1",
      "kind: HorizontalPodAutoscaler",
      "metadata: { name: misplaced }",
      "",
    ]);
    const invalid = diagnostics.filter((d) => d.code === "manifest-invalid");
    expect(located(invalid, sources)).toEqual([
      "manifest-invalid@9:1",
      "manifest-invalid@2:7",
      "manifest-invalid@6:7",
      "manifest-invalid@16:13",
    ]);
    expect(invalid.map((d) => [d.severity, d.message])).toEqual([
      ["error", "this Service has no apiVersion, which kubectl and the API server refuse"],
      [
        "error",
        "apps/v1 has no kind 'Deploymnet', so the API server refuses 'typo'; did you mean 'Deployment'?",
      ],
      [
        "warning",
        "v1 has no kind 'Widget' in the Kubernetes versions deployview knows: the API server may refuse 'w'",
      ],
      [
        "error",
        "v1 has no kind 'HorizontalPodAutoscaler', so the API server refuses 'misplaced': HorizontalPodAutoscaler is served in autoscaling/v1, autoscaling/v2",
      ],
    ]);
  });

  it("reports resources in units Kubernetes does not read, below zero, and replicas below zero", async () => {
    const { diagnostics, sources } = await loadManifestText([
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata: { name: web }",
      "spec:",
      "  replicas: -3",
      "  template:",
      "    spec:",
      "      containers:",
      "        - name: web",
      "          image: web:1.0",
      "          resources: { requests: { memory: 512MB, cpu: 250m, ephemeral-storage: 1Gi }, limits: { memory: -1Gi, cpu: 1.5 } }",
      "",
    ]);
    // Below zero, the model cannot read it either, and says so where it is written.
    expect(located(diagnostics, sources)).toEqual([
      "manifest-invalid@5:13",
      "manifest-invalid@11:44",
      "invalid-quantity@11:106",
    ]);
    expect(diagnostics.map((d) => d.hint)).toEqual([
      "give 0 or more",
      "write 512Mi (or 512M, in powers of ten)",
      "write it like 512Mi or 1Gi",
    ]);
  });

  it("reports replicas beyond a 32-bit count and a node port no system has as refused", async () => {
    const { diagnostics, sources } = await loadManifestText([
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata: { name: web }",
      "spec:",
      "  replicas: 99999999999",
      "  template: { metadata: { labels: { app: web } }, spec: { containers: [{ name: web, image: 'web:1.0' }] } }",
      "---",
      ...service("web", "{ type: NodePort, selector: { app: web }, ports: [{ port: 80, nodePort: 99999 }] }"),
      "",
    ]);
    expect(
      located(
        diagnostics.filter((d) => d.severity === "error"),
        sources,
      ),
    ).toEqual(["manifest-invalid@5:13", "manifest-invalid@11:79"]);
  });

  it("reports a restart policy the pod's kind does not take, a Recreate told how to roll, a pull policy of no kind", async () => {
    const { diagnostics, sources } = await loadManifestText([
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata: { name: web }",
      "spec:",
      "  selector: { matchLabels: { app: web } }",
      "  strategy: { type: Recreate, rollingUpdate: { maxSurge: 1 } }",
      "  template:",
      "    metadata: { labels: { app: web } }",
      "    spec: { restartPolicy: OnFailure, containers: [{ name: web, image: 'web:1.0', imagePullPolicy: IfNotExists }] }",
      "---",
      "apiVersion: batch/v1",
      "kind: Job",
      "metadata: { name: migrate }",
      "spec: { template: { spec: { restartPolicy: Always, containers: [{ name: m, image: 'm:1.0' }] } } }",
      "---",
      "apiVersion: batch/v1",
      "kind: Job",
      "metadata: { name: seed }",
      "spec: { template: { spec: { restartPolicy: Never, containers: [{ name: s, image: 's:1.0', imagePullPolicy: Always }] } } }",
      "",
    ]);
    expect(
      located(
        diagnostics.filter((d) => d.code === "manifest-invalid" || d.code === "schema-invalid-value"),
        sources,
      ),
    ).toEqual([
      "manifest-invalid@9:28",
      "manifest-invalid@6:46",
      "manifest-invalid@14:44",
      // A pull policy of no kind is a value the field does not take.
      "schema-invalid-value@9:100",
    ]);
    expect(diagnostics.find((d) => d.code === "schema-invalid-value")!.hint).toBe(
      "known values: Always, IfNotPresent, Never",
    );
  });

  it("warns of a relative mount path, which the model takes from the container's root as runc does", async () => {
    const { diagnostics, sources, model } = await loadManifestText([
      ...workloadHead("Deployment", "web"),
      "    spec:",
      "      containers: [{ name: web, image: 'web:1.0', volumeMounts: [{ name: d, mountPath: data }] }]",
      "      volumes: [{ name: d, emptyDir: {} }]",
      "",
    ]);
    expect(located(diagnostics, sources)).toEqual(["schema-invalid-value@9:88"]);
    expect(diagnostics[0]!.severity).toBe("warning");
    expect(model!.services[0]!.volumes.map((v) => v.path)).toEqual(["/data"]);
  });

  it("takes a relative mount path from the root when it compares mounts, as runc does", async () => {
    const { diagnostics, sources, model } = await loadManifestText([
      ...workloadHead("Deployment", "web"),
      "    spec:",
      "      containers: [{ name: web, image: 'web:1.0', volumeMounts: [{ name: a, mountPath: data }, { name: b, mountPath: /data/ }] }]",
      "      volumes: [{ name: a, emptyDir: {} }, { name: b, emptyDir: {} }]",
      "",
    ]);
    expect(located(diagnostics, sources)).toEqual(["schema-invalid-value@9:88"]);
    const twice = checkModel(model!, { sources }).filter((d) => d.code === "duplicate-mount-path");
    expect(located(twice, sources)).toEqual(["duplicate-mount-path@9:118"]);
  });

  it("reports a liveness success threshold other than 1, and a disruption budget with both bounds", async () => {
    const { diagnostics, sources } = await loadManifestText([
      ...workloadHead("Deployment", "web"),
      "    spec: { containers: [{ name: web, image: 'web:1.0', startupProbe: { exec: { command: [true] }, successThreshold: 2 }, readinessProbe: { exec: { command: [true] }, successThreshold: 3 } }] }",
      "---",
      "apiVersion: policy/v1",
      "kind: PodDisruptionBudget",
      "metadata: { name: web }",
      "spec: { minAvailable: 1, maxUnavailable: 1, selector: { matchLabels: { app: web } } }",
      "",
    ]);
    // A readiness probe may ask for several successes.
    expect(
      located(
        diagnostics.filter((d) => d.code === "manifest-invalid"),
        sources,
      ),
    ).toEqual(["manifest-invalid@8:118", "manifest-invalid@13:42"]);
  });

  it("reports a probe or lifecycle hook of an init container that runs to completion, which the API server refuses, and takes a native sidecar's", async () => {
    const { diagnostics, sources } = await loadManifestText([
      ...workloadHead("Deployment", "web"),
      "    spec:",
      "      initContainers:",
      "        - { name: migrate, image: 'm:1.0', readinessProbe: { exec: { command: [true] } }, lifecycle: { postStart: { exec: { command: [true] } } } }",
      "        - { name: proxy, image: 'p:1.0', restartPolicy: Always, readinessProbe: { tcpSocket: { port: 9901 } }, livenessProbe: { tcpSocket: { port: 9901 } } }",
      "      containers: [{ name: web, image: 'web:1.0' }]",
      "",
    ]);
    const refused = diagnostics.filter((d) => d.code === "manifest-invalid");
    expect(located(refused, sources)).toEqual(["manifest-invalid@10:44", "manifest-invalid@10:91"]);
    expect(refused[0]!.message).toBe(
      "init container 'migrate' of 'web' has a readinessProbe, which the API server refuses for an init container that runs to completion",
    );
  });

  it("takes a field written as null as left out, as the API server drops it, where two fields clash", async () => {
    const { diagnostics, sources } = await loadManifestText([
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata: { name: web }",
      "spec:",
      "  selector: { matchLabels: { app: web } }",
      "  strategy: { type: Recreate, rollingUpdate: null }",
      "  template:",
      "    metadata: { labels: { app: web } }",
      "    spec:",
      "      hostNetwork: true",
      "      containers:",
      "        - name: web",
      "          image: 'web:1.0'",
      "          ports: [{ containerPort: 8080, hostPort: null }]",
      "          livenessProbe: { exec: null, httpGet: { path: /, port: 8080 }, successThreshold: null }",
      "---",
      "apiVersion: policy/v1",
      "kind: PodDisruptionBudget",
      "metadata: { name: web }",
      "spec: { minAvailable: 1, maxUnavailable: null, selector: { matchLabels: { app: web } } }",
      "---",
      ...service("web", "{ selector: { app: web }, ports: [{ port: 80, nodePort: null }] }"),
      "",
    ]);
    expect(
      located(
        diagnostics.filter((d) => d.code === "manifest-invalid"),
        sources,
      ),
    ).toEqual([]);
    // Set, rollingUpdate clashes with Recreate.
    const set = await loadManifestText([
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata: { name: web }",
      "spec:",
      "  selector: { matchLabels: { app: web } }",
      "  strategy: { type: Recreate, rollingUpdate: {} }",
      "  template: { metadata: { labels: { app: web } }, spec: { containers: [{ name: web, image: 'web:1.0' }] } }",
      "",
    ]);
    expect(
      located(
        set.diagnostics.filter((d) => d.code === "manifest-invalid"),
        set.sources,
      ),
    ).toEqual(["manifest-invalid@6:46"]);
  });

  it("reports port protocols the API server does not take, and a host port unlike its container port on the host's network", async () => {
    const { diagnostics, sources } = await loadManifestText([
      ...workloadHead("Deployment", "web"),
      "    spec:",
      "      hostNetwork: true",
      "      containers:",
      "        - { name: web, image: 'web:1.0', ports: [{ containerPort: 8080, hostPort: 80 }, { containerPort: 9090, hostPort: 9090 }] }",
      "        - { name: agent, image: 'agent:1.0', ports: [{ containerPort: 53, protocol: udp }, { containerPort: 54, protocol: UDP }] }",
      "---",
      ...service(
        "web",
        "{ selector: { app: web }, ports: [{ name: a, port: 80, protocol: HTTP }, { name: b, port: 81, protocol: SCTP }] }",
      ),
      "",
    ]);
    expect(
      located(
        diagnostics.filter((d) => d.code === "manifest-invalid" || d.code === "schema-invalid-value"),
        sources,
      ),
    ).toEqual(["manifest-invalid@11:83", "schema-invalid-value@12:85", "schema-invalid-value@17:72"]);
    expect(diagnostics.find((d) => d.message.includes("'udp'"))!.message).toBe(
      "spec.template.spec.containers.1.ports.0.protocol of Deployment 'web' is 'udp', which the API server does not take (SCTP, TCP, UDP)",
    );
    expect(diagnostics.find((d) => d.message.includes("'HTTP'"))!.hint).toBe(
      "leave it out for TCP: what is spoken over the port (HTTP) is no protocol here; name the port http instead",
    );
  });

  it("reports fields the kind does not have, at any depth, with the field meant, and leaves mappings of any keys alone", async () => {
    const { diagnostics, sources } = await loadManifestText([
      ...workloadHead("Deployment", "web"),
      "    spec:",
      "      containers:",
      "        - name: web",
      "          image: web:1.0",
      "          imagePullPolcy: Always",
      "          livenessProbe: { httpGet: { paht: /x, port: 80 } }",
      "          resources: { limits: { memory: 1Gi, example.com/gpu: 1 } }",
      "      nodeSelector: { disktype: ssd }",
      "  strategy: { type: Recreate }",
      "  replica: 2",
      "---",
      ...service("web", "{ selector: { app: web }, ports: [{ port: 80 }], externalTrafficPolcy: Local }"),
      "",
    ]);
    expect(
      located(
        diagnostics.filter((d) => d.code === "manifest-unknown-field"),
        sources,
      ),
    ).toEqual([
      "manifest-unknown-field@12:11",
      "manifest-unknown-field@13:39",
      "manifest-unknown-field@17:3",
      "manifest-unknown-field@22:56",
    ]);
    const messages = diagnostics
      .filter((d) => d.code === "manifest-unknown-field")
      .map((d) => `${d.message} | ${d.hint}`);
    expect(messages[0]).toBe(
      "'imagePullPolcy' is not a field of spec.template.spec.containers.0 in Deployment 'web', so kubectl apply refuses it | did you mean 'imagePullPolicy'?",
    );
    expect(messages[2]).toBe(
      "'replica' is not a field of spec in Deployment 'web', so kubectl apply refuses it | did you mean 'replicas'?",
    );
  });

  it("reports values of the wrong type as kubectl reads them: a number as text, text as a number, one value for a list", async () => {
    const { diagnostics, sources } = await loadManifestText([
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata: { name: web, labels: { app: web, version: 1.0 }, creationTimestamp: null }",
      "spec:",
      "  replicas: '2'",
      "  selector: { matchLabels: { app: web } }",
      "  template:",
      "    metadata: { labels: { app: web } }",
      "    spec:",
      "      containers:",
      "        - name: web",
      "          image: web:1.0",
      "          args: --verbose",
      "          env: [{ name: PORT, value: 8080 }, { name: DEBUG, value: 'true' }]",
      "          ports: [{ containerPort: 80 }]",
      "          resources: { limits: { memory: 1Gi, cpu: 1 } }",
      "",
    ]);
    const wrong = diagnostics.filter((d) => d.code === "schema-wrong-type");
    // A quantity (cpu: 1) is a number or text; null leaves a field unset.
    expect(located(wrong, sources)).toEqual([
      "schema-wrong-type@3:53",
      "schema-wrong-type@5:13",
      "schema-wrong-type@13:17",
      "schema-wrong-type@14:38",
    ]);
    expect(wrong[3]!.message).toBe(
      "spec.template.spec.containers.0.env.0.value of Deployment 'web' must be text, not number 8080, so kubectl apply refuses it",
    );
    expect(wrong[3]!.hint).toBe("quote it, so that YAML reads it as text");
  });

  it("reports a number no field takes, a fraction or one beyond an int64, and keeps such a count of replicas out of the model", async () => {
    const { diagnostics, model } = await loadManifestText([
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata: { name: web }",
      "spec:",
      "  replicas: 99999999999999999999",
      "  selector: { matchLabels: { app: web } }",
      "  template:",
      "    metadata: { labels: { app: web } }",
      "    spec:",
      "      terminationGracePeriodSeconds: 2.5",
      "      containers: [{ name: web, image: 'web:1.0', ports: [{ containerPort: 80 }] }]",
      "",
    ]);
    expect(diagnostics.filter((d) => d.code === "schema-invalid-value").map((d) => d.message)).toEqual([
      "spec.replicas of Deployment 'web' is 99999999999999999999, where the API server takes a whole number of at most 9223372036854775807, so kubectl apply refuses it",
      "spec.template.spec.terminationGracePeriodSeconds of Deployment 'web' is 2.5, where the API server takes a whole number, so kubectl apply refuses it",
    ]);
    const instance = model!.environments[0]!.instances.find((i) => i.service.id === "web");
    expect(instance?.replicas).toMatchObject({ min: 1, max: 1 });
  });

  it("reports text kubectl reads as true or false (YAML 1.1's yes, on, n, off) where a field takes text, unless quoted", async () => {
    const loaded = await loadManifestText([
      "apiVersion: v1",
      "kind: ConfigMap",
      "metadata: { name: flags, labels: { enabled: on, team: 'no' } }",
      'data: { FEATURE_X: yes, FEATURE_Y: "NO", MODE: Off, NAME: yesterday, LEVEL: n }',
      "",
    ]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([
      "schema-wrong-type@3:45",
      "schema-wrong-type@4:20",
      "schema-wrong-type@4:48",
      "schema-wrong-type@4:77",
    ]);
    expect(loaded.diagnostics.map((d) => d.message)[1]).toBe(
      "data.FEATURE_X of ConfigMap 'flags' is yes, which kubectl reads as true (YAML 1.1), where it must be text, so kubectl apply refuses it",
    );
    expect(loaded.diagnostics.map((d) => d.hint)).toEqual([
      'quote it: "on"',
      'quote it: "yes"',
      'quote it: "Off"',
      'quote it: "n"',
    ]);
  });

  it("reports values a field does not take, with the value meant, and reads nothing the cluster writes (status)", async () => {
    const { diagnostics, sources } = await loadManifestText([
      ...service(
        "web",
        "{ type: Loadbalancer, selector: { app: web }, ports: [{ port: 80 }], externalTrafficPolicy: local }",
      ),
      "status: { loadBalancer: { ingress: [{ ip: 10.0.0.1, ipMode: Tunnel }] }, phase: Anything }",
      "",
    ]);
    const values = diagnostics.filter((d) => d.code === "schema-invalid-value");
    expect(located(values, sources)).toEqual(["schema-invalid-value@4:15", "schema-invalid-value@4:99"]);
    expect(values.map((d) => d.hint)).toEqual(["did you mean 'LoadBalancer'?", "did you mean 'Local'?"]);
    expect(diagnostics.filter((d) => d.code === "manifest-unknown-field")).toEqual([]);
  });

  it("takes an object as kubectl writes it back, managed fields and all, without a finding about its fields", async () => {
    const { diagnostics } = await loadManifestText([
      "apiVersion: v1",
      "kind: ConfigMap",
      "metadata:",
      "  name: conf",
      "  creationTimestamp: null",
      "  managedFields:",
      "    - { manager: kubectl, operation: Apply, fieldsType: FieldsV1, fieldsV1: { 'f:data': { 'f:a': {} } } }",
      "data: { a: '1' }",
      "",
    ]);
    expect(diagnostics).toEqual([]);
  });

  it("still warns of a pod without a list of containers in a version whose fields are not known here", async () => {
    const { diagnostics, sources } = await loadManifestText([
      "apiVersion: apps/v1beta2",
      "kind: Deployment",
      "metadata: { name: old }",
      "spec: { template: { spec: { containers: {} } } }",
      "",
    ]);
    expect(
      located(
        diagnostics.filter((d) => d.code === "schema-wrong-type"),
        sources,
      ),
    ).toEqual(["schema-wrong-type@4:41"]);
  });

  it("renames the ConfigMaps a projected volume takes with a kustomization's name prefix", async () => {
    const root = folderWith({
      "kustomization.yaml": "namePrefix: p-\nresources: [app.yaml]\n",
      "app.yaml": [
        ...workloadHead("Deployment", "web"),
        "    spec:",
        "      containers: [{ name: web, image: 'web:1.0', volumeMounts: [{ name: all, mountPath: /etc/all }] }]",
        "      volumes: [{ name: all, projected: { sources: [{ configMap: { name: cfg } }] } }]",
        "---",
        "apiVersion: v1",
        "kind: ConfigMap",
        "metadata: { name: cfg }",
        "data: { a: '1' }",
        "",
      ].join("\n"),
    });
    const { diagnostics } = await loadManifestsAsModel([root]);
    expect(diagnostics.filter((d) => d.message.includes("cfg"))).toEqual([]);
  });

  it("reports capabilities the container runtime refuses, in every container, once each", async () => {
    const { diagnostics, sources } = await loadManifestText([
      ...workloadHead("Deployment", "web"),
      "    spec:",
      "      containers:",
      "        - { name: web, image: 'web:1.0', securityContext: { capabilities: { add: [NET_ADMINS, CAP_CHOWN], drop: [ALL, NET_RAWW] } } }",
      "        - { name: agent, image: 'agent:1.0', securityContext: { capabilities: { add: [SYS_TIMES, NET_BIND_SERVICE] } } }",
      "",
    ]);
    expect(
      located(
        diagnostics.filter((d) => d.code === "runtime-refused"),
        sources,
      ),
    ).toEqual([
      "runtime-refused@10:95",
      "runtime-refused@11:87",
      // The first container's are the model's, judged when it is resolved.
      "runtime-refused@10:83",
      "runtime-refused@10:119",
    ]);
    expect(diagnostics.find((d) => d.message.includes("CAP_CHOWN"))!.hint).toBe("write it as CHOWN");
  });

  it("reports Ingress paths networking.k8s.io/v1 refuses: no type, an unknown type, a relative path", async () => {
    const { diagnostics, sources } = await loadManifestText([
      "apiVersion: networking.k8s.io/v1",
      "kind: Ingress",
      "metadata: { name: web }",
      "spec:",
      "  rules:",
      "    - http:",
      "        paths:",
      "          - { path: /a, backend: { service: { name: web, port: { number: 80 } } } }",
      "          - { path: /b, pathType: Prefixed, backend: { service: { name: web, port: { number: 80 } } } }",
      "          - { path: c, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }",
      "          - { path: '~ ^/d', pathType: ImplementationSpecific, backend: { service: { name: web, port: { number: 80 } } } }",
      "",
    ]);
    expect(
      located(
        diagnostics.filter((d) => d.code === "manifest-invalid" || d.code === "schema-invalid-value"),
        sources,
      ),
    ).toEqual(["manifest-invalid@8:13", "manifest-invalid@10:21", "schema-invalid-value@9:35"]);
  });

  it("reports an Ingress whose class annotation names another class than its ingressClassName", async () => {
    const ingress = (name: string, annotation: string) => [
      "apiVersion: networking.k8s.io/v1",
      "kind: Ingress",
      `metadata: { name: ${name}, annotations: { kubernetes.io/ingress.class: ${annotation} } }`,
      "spec:",
      "  ingressClassName: nginx",
      "  rules: [{ http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }] } }]",
    ];
    const { diagnostics, sources } = await loadManifestText([
      ...ingress("web", "traefik"),
      "---",
      ...ingress("same", "nginx"),
      "",
    ]);
    expect(
      located(
        diagnostics.filter((d) => d.code === "manifest-invalid"),
        sources,
      ),
    ).toEqual(["manifest-invalid@3:68"]);
    expect(diagnostics.find((d) => d.code === "manifest-invalid")!.message).toBe(
      "the annotation kubernetes.io/ingress.class of Ingress 'web' names 'traefik', and its ingressClassName 'nginx': the API server refuses an Ingress whose two differ",
    );
  });

  it("leaves a relative Ingress path out of the model's routes, so that it is reported once and the rest is still checked", async () => {
    const { model, diagnostics, sources } = await loadManifestText([
      ...oneContainer("Deployment", "web"),
      "---",
      ...service("web", "{ selector: { app: web }, ports: [{ port: 80 }] }"),
      "---",
      "apiVersion: networking.k8s.io/v1",
      "kind: Ingress",
      "metadata: { name: web }",
      "spec:",
      "  rules:",
      "    - http:",
      "        paths:",
      "          - { path: /a, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }",
      "          - { path: v2, pathType: Exact, backend: { service: { name: web, port: { number: 80 } } } }",
      "",
    ]);
    expect(located(diagnostics, sources)).toEqual(["manifest-invalid@23:21"]);
    expect(model).toBeDefined();
  });

  it("reports names and labels the API server refuses, and leaves names of other rules (RBAC) alone", async () => {
    const { diagnostics, sources } = await loadManifestText([
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata: { name: My_App, labels: { version: '1.0.0+build', example.com/team: shop, bad_prefix/x: y } }",
      "spec:",
      "  selector: { matchLabels: { app: my-app } }",
      "  template:",
      "    metadata: { labels: { app: my-app } }",
      "    spec: { containers: [{ name: Web_Server, image: 'web:1.0' }] }",
      "---",
      ...service("1st-service", "{ selector: { app: my-app }, ports: [{ port: 80 }] }"),
      "---",
      "apiVersion: batch/v1",
      "kind: CronJob",
      `metadata: { name: ${"nightly-".repeat(7)}x }`,
      "spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: Never, containers: [{ name: c, image: 'c:1.0' }] } } } } }",
      "---",
      "apiVersion: rbac.authorization.k8s.io/v1",
      "kind: ClusterRole",
      "metadata: { name: 'system:shop:reader' }",
      "rules: []",
      "",
    ]);
    expect(
      located(
        diagnostics.filter((d) => d.code === "manifest-invalid"),
        sources,
      ),
    ).toEqual([
      "manifest-invalid@3:19",
      "manifest-invalid@3:46",
      "manifest-invalid@3:85",
      "manifest-invalid@8:34",
      "manifest-invalid@12:19",
      "manifest-invalid@17:19",
    ]);
  });

  it("warns of a node port outside the range the API server gives them from", async () => {
    const { diagnostics, sources } = await loadManifestText([
      ...workloadHead("Deployment", "api"),
      "    spec: { containers: [{ name: api, image: 'api:1.0', ports: [{ containerPort: 8080 }] }] }",
      "---",
      ...service(
        "api",
        "{ type: LoadBalancer, selector: { app: api }, ports: [{ port: 80, targetPort: 8080, nodePort: 8080 }] }",
      ),
      "",
    ]);
    expect(located(diagnostics, sources)).toEqual(["schema-invalid-value@13:101"]);
    expect(diagnostics[0]!.severity).toBe("warning");
  });

  it("reports a probe of a port name the container does not give, where it is written, and lints the rest", async () => {
    const loaded = await loadManifestText([
      ...apiContainer(),
      "          ports: [{ name: web, containerPort: 8080 }]",
      "          env: [{ name: DB_PASSWORD, value: hunter2 }]",
      "          readinessProbe: { httpGet: { path: /ready, port: http } }",
      "          livenessProbe: { tcpSocket: { port: web } }",
      "        - name: proxy",
      "          image: 'proxy:1.0'",
      "          startupProbe: { tcpSocket: { port: admin } }",
      "",
    ]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual(["unknown-port@14:60", "unknown-port@18:46"]);
    expect(loaded.diagnostics[0]!.message).toBe(
      "the readinessProbe of 'api' probes the port named 'http', which the container does not name: it always fails",
    );
    // The model stands, so every rule still runs: before, the name stopped the whole check.
    const found = checkModel(loaded.model!, { sources: loaded.sources });
    // Pointed at the plain text itself, not at the key before it.
    expect(located(found, loaded.sources)).toContain("plaintext-secret@13:45");
  });

  it("keeps the model whole when an Ingress leads to a workload whose name the API server refuses for a colon", async () => {
    const loaded = await loadManifestText([
      ...oneContainer("Deployment", "a:b"),
      "---",
      ...service("web", "{ selector: { app: 'a:b' }, ports: [{ port: 80 }] }"),
      "---",
      "apiVersion: networking.k8s.io/v1",
      "kind: Ingress",
      "metadata: { name: x }",
      "spec: { defaultBackend: { service: { name: web, port: { number: 80 } } } }",
      "",
    ]);
    // The name is refused where it is written; the route, which would read it as 'a' and a port, is left out.
    expect(loaded.model).toBeDefined();
    expect(loaded.diagnostics.map((d) => d.code)).not.toContain("unknown-instance");
  });

  it("reports an exec probe written as a shell command line, which the kubelet runs without a shell", async () => {
    const loaded = await loadManifestText([
      ...apiContainer(),
      "          livenessProbe: { exec: { command: ['curl -f http://localhost/health'] } }",
      "          readinessProbe: { exec: { command: [curl, -f, 'http://localhost/', '||', exit, '1'] } }",
      "          startupProbe: { exec: { command: [sh, -c, 'curl -f http://localhost/ || exit 1'] } }",
      "",
    ]);
    expect(located(loaded.diagnostics, loaded.sources)).toEqual([
      "schema-invalid-value@12:46",
      "schema-invalid-value@13:78",
    ]);
    expect(loaded.diagnostics[0]!.message).toBe(
      "the livenessProbe of 'api' runs a program named 'curl -f http://localhost/health' (an exec probe runs no shell, and takes each word apart), which does not exist: the probe fails every time",
    );
  });

  it("quotes an exec probe in its finding with the password it passes left out", async () => {
    const loaded = await loadManifestText([
      ...apiContainer(),
      "          livenessProbe: { exec: { command: ['curl -u elastic:s3cretpass1 http://localhost/'] } }",
      "          readinessProbe: { exec: { command: [redis-cli, -a, s3cretpass2, ping, '||', exit, '1'] } }",
      "",
    ]);
    const said = loaded.diagnostics
      .filter((d) => d.code === "schema-invalid-value")
      .map((d) => `${d.message} ${d.hint}`);
    expect(said).toHaveLength(2);
    for (const text of said) expect(text).not.toMatch(/s3cretpass/);
  });

  it("reads a NodePort Service aimed at a port name no container gives as a finding, not as a model it cannot make", async () => {
    const loaded = await loadManifestText([
      ...workloadHead("Deployment", "api"),
      "    spec: { containers: [{ name: api, image: 'api:1.0', ports: [{ name: http, containerPort: 8080 }] }] }",
      "---",
      ...service(
        "api",
        "{ type: NodePort, selector: { app: api }, ports: [{ name: a, port: 80, targetPort: web }, { name: b, port: 81, targetPort: http }] }",
      ),
      "",
    ]);
    expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // No port 80 is made up for the container: the name is what the Service aims at.
    expect(loaded.model!.services[0]!.ports.map((p) => `${p.name}:${p.port}`)).toEqual(["http:8080"]);
    expect(loaded.model!.environments[0]!.instances[0]!.publish.map((p) => p.port.name)).toEqual(["http"]);
    const found = checkModel(loaded.model!, { sources: loaded.sources }).filter(
      (d) => d.code === "service-target-port-unknown",
    );
    expect(located(found, loaded.sources)).toEqual(["service-target-port-unknown@13:90"]);
  });

  it("warns of a Service sending to a port number its containers do not declare, the Service's own where targetPort is left out", async () => {
    const lines = [
      ...workloadHead("Deployment", "api"),
      "    spec: { containers: [{ name: api, image: 'api:1.0', ports: [{ containerPort: 8080 }, { containerPort: 9090 }] }] }",
      "---",
      ...service(
        "api",
        "{ selector: { app: api }, ports: [{ name: a, port: 80, targetPort: 8000 }, { name: b, port: 9090 }] }",
      ),
      "---",
      ...service("api-direct", "{ selector: { app: api }, ports: [{ port: 8081 }] }"),
      "---",
      ...service("api-headless", "{ clusterIP: None, selector: { app: api }, ports: [{ port: 80 }] }"),
      "",
    ];
    const { found, at } = await manifestRuleFindings(lines, "service-target-port-unknown");
    // A warning: a container may listen where it declares nothing. A headless Service only names pods.
    expect(found.map((d) => d.severity)).toEqual(["warning", "warning"]);
    expect(at).toEqual(["service-target-port-unknown@13:74", "service-target-port-unknown@18:49"]);
    expect(found[0]!.message).toBe(
      "Service 'api' sends traffic to port 8000, which no container of 'api' declares (they declare 8080, 9090)",
    );
    // Set by the user, the rule's severity holds for these too.
    const strict = await manifestRuleFindings(lines, "service-target-port-unknown", "error");
    expect(strict.found.map((d) => d.severity)).toEqual(["error", "error"]);
  });

  it("names the first eight ports the containers declare, where they declare more", async () => {
    const ports = Array.from({ length: 20 }, (_, i) => `{ containerPort: ${9000 + i} }`).join(", ");
    const { found } = await manifestRuleFindings(
      [
        ...workloadHead("Deployment", "api"),
        `    spec: { containers: [{ name: api, image: 'api:1.0', ports: [${ports}] }] }`,
        "---",
        ...service("api", "{ selector: { app: api }, ports: [{ port: 80, targetPort: 8000 }] }"),
        "",
      ],
      "service-target-port-unknown",
    );
    expect(found.map((d) => d.message)).toEqual([
      "Service 'api' sends traffic to port 8000, which no container of 'api' declares (they declare 9000, 9001, 9002, 9003, 9004, 9005, 9006, 9007, …)",
    ]);
  });

  it("names only the ports of the containers a Service sends to, not an init container's", async () => {
    const { found } = await manifestRuleFindings(
      [
        ...workloadHead("Deployment", "api"),
        "    spec:",
        "      initContainers: [{ name: setup, image: 'setup:1.0', ports: [{ containerPort: 9000 }] }]",
        "      containers: [{ name: api, image: 'api:1.0', ports: [{ containerPort: 8080 }] }]",
        "---",
        ...service("api", "{ selector: { app: api }, ports: [{ port: 80, targetPort: 8000 }] }"),
        "",
      ],
      "service-target-port-unknown",
    );
    expect(found.map((d) => d.message)).toEqual([
      "Service 'api' sends traffic to port 8000, which no container of 'api' declares (they declare 8080)",
    ]);
  });

  it("quotes the ports a Service sends to and its containers declare as they are written", async () => {
    const { found } = await manifestRuleFindings(
      [
        ...workloadHead("Deployment", "api"),
        "    spec: { containers: [{ name: api, image: 'api:1.0', ports: [{ containerPort: 0x1F90 }, { containerPort: 9090 }] }] }",
        "---",
        ...service(
          "api",
          "{ selector: { app: api }, ports: [{ port: 80, targetPort: 8e3 }, { port: 0x51 }] }",
        ),
        "",
      ],
      "service-target-port-unknown",
    );
    expect(found.map((d) => d.message)).toEqual([
      "Service 'api' sends traffic to port 8e3, which no container of 'api' declares (they declare 0x1F90, 9090)",
      "Service 'api' sends traffic to port 0x51, which no container of 'api' declares (they declare 0x1F90, 9090)",
    ]);
  });

  it("quotes the port an Ingress backend names and its Service does not have as it is written", async () => {
    const { diagnostics } = await loadManifestText([
      ...workloadHead("Deployment", "api"),
      "    spec: { containers: [{ name: api, image: 'api:1.0', ports: [{ name: http, containerPort: 8080 }] }] }",
      "---",
      ...service("api", "{ selector: { app: api }, ports: [{ name: web, port: 80, targetPort: http }] }"),
      "---",
      "apiVersion: networking.k8s.io/v1",
      "kind: Ingress",
      "metadata: { name: web }",
      "spec:",
      "  defaultBackend: { service: { name: api, port: { number: 0x51 } } }",
      "---",
      "apiVersion: extensions/v1beta1",
      "kind: Ingress",
      "metadata: { name: old }",
      "spec: { backend: { serviceName: api, servicePort: 8.1e1 } }",
      "",
    ]);
    expect(diagnostics.filter((d) => d.code === "unknown-port").map((d) => d.message)).toEqual([
      "Ingress 'web' sends traffic to port 0x51 of Service 'api', which it does not have",
      "Ingress 'old' sends traffic to port 8.1e1 of Service 'api', which it does not have",
    ]);
  });

  it("reports an Ingress backend naming a Service or a port that is not there, in both ways of writing it", async () => {
    const { diagnostics, sources } = await loadManifestText([
      ...workloadHead("Deployment", "api"),
      "    spec: { containers: [{ name: api, image: 'api:1.0', ports: [{ name: http, containerPort: 8080 }] }] }",
      "---",
      ...service("api", "{ selector: { app: api }, ports: [{ name: web, port: 80, targetPort: http }] }"),
      "---",
      "apiVersion: networking.k8s.io/v1",
      "kind: Ingress",
      "metadata: { name: web }",
      "spec:",
      "  defaultBackend: { service: { name: api, port: { name: web } } }",
      "  rules:",
      "    - http:",
      "        paths:",
      "          - { path: /old, pathType: Prefix, backend: { service: { name: legacy, port: { number: 80 } } } }",
      "          - { path: /api, pathType: Prefix, backend: { service: { name: api, port: { number: 8080 } } } }",
      "          - { path: /v1, pathType: Prefix, backend: { serviceName: api, servicePort: 81 } }",
      "",
    ]);
    expect(located(diagnostics, sources)).toEqual([
      // networking.k8s.io/v1 has no serviceName and servicePort: kubectl refuses them, and the
      // backend is still read as the older versions wrote it.
      "manifest-unknown-field@25:55",
      "manifest-unknown-field@25:73",
      "unknown-service@23:73",
      "unknown-port@24:84",
      "unknown-port@25:86",
    ]);
    expect(diagnostics.slice(2).map((d) => d.message)).toEqual([
      "Ingress 'web' sends traffic to Service 'legacy', which the manifests here do not define in namespace 'default'",
      "Ingress 'web' sends traffic to port 8080 of Service 'api', which it does not have",
      "Ingress 'web' sends traffic to port 81 of Service 'api', which it does not have",
    ]);
    expect(diagnostics.slice(2).map((d) => d.severity)).toEqual(["warning", "error", "error"]);
  });

  it("points a request above its limit at the request, and lints the manifests all the same", async () => {
    const { diagnostics, sources, model } = await loadManifestText([
      ...workloadHead("Deployment", "api"),
      "    spec:",
      "      containers:",
      "        - name: api",
      "          image: api:1.0",
      "          resources: { requests: { memory: 1Gi, cpu: 100m }, limits: { memory: 512Mi } }",
      "",
    ]);
    expect(located(diagnostics, sources)).toEqual(["invalid-range@12:44"]);
    const codes = checkModel(model!, { sources }).map((d) => d.code);
    expect(codes).toContain("missing-health-check");
    // The memory is stated, if wrongly: the error says so, and no warning says it is not stated.
    expect(codes).not.toContain("no-resource-limits");
  });

  it("reads the kubelet's $(VAR) of a variable the container has as the model's ${VAR}, and a shell's $(command) as it is", async () => {
    const { model, diagnostics } = await loadManifestText([
      ...apiContainer(),
      "          command: [sh, -c]",
      "          args: ['serve --password=$(DB_PASSWORD) --mode=$(MODE) --host=$(hostname) --pod=$(POD_NAME) --cost=$$5']",
      "          env:",
      "            - { name: DB_PASSWORD, valueFrom: { secretKeyRef: { name: db, key: password } } }",
      "            - { name: MODE, value: production }",
      "            - { name: POD_NAME, valueFrom: { fieldRef: { fieldPath: metadata.name } } }",
      "",
    ]);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // The downward API's variable has no counterpart in the model: its reference stays the kubelet's.
    expect(model!.services.find((s) => s.id === "api")!.command).toEqual([
      "sh",
      "-c",
      "serve --password=${DB_PASSWORD} --mode=${MODE} --host=$(hostname) --pod=$(POD_NAME) --cost=$$5",
    ]);
  });

  it("takes a CPU request it cannot read for one stated: the error says so, and no warning says it is missing", async () => {
    const { diagnostics, sources, model } = await loadManifestText([
      ...workloadHead("Deployment", "api"),
      "    spec:",
      "      containers:",
      "        - name: api",
      "          image: api:1.0",
      "          resources: { requests: { memory: 1Gi, cpu: lots } }",
      "",
    ]);
    // At the value, not at the resources key.
    expect(located(diagnostics, sources)).toEqual(["invalid-quantity@12:54"]);
    expect(checkModel(model!, { sources }).map((d) => d.code)).not.toContain("no-resource-limits");
  });

  it("takes the images a skaffold.yaml above the manifests builds for builds, not for unpinned images", async () => {
    const root = folderWith(
      {
        "skaffold.yaml": [
          "apiVersion: skaffold/v3",
          "kind: Config",
          "build:",
          "  artifacts:",
          "    - { image: frontend, context: src/frontend }",
          "    - { image: agent, context: src/agent, docker: { dockerfile: Dockerfile.agent } }",
          "---",
          "apiVersion: skaffold/v3",
          "kind: Config",
          "build: { artifacts: [{ image: loadgenerator, context: src/loadgenerator }] }",
          "",
        ].join("\n"),
        "k8s/app.yaml": [
          ...workloadHead("Deployment", "frontend"),
          "    spec:",
          "      containers:",
          "        - { name: frontend, image: frontend }",
          "        - { name: agent, image: agent }",
          "        - { name: proxy, image: envoy }",
          "---",
          ...workloadHead("Deployment", "loadgenerator"),
          "    spec: { containers: [{ name: loadgenerator, image: loadgenerator, imagePullPolicy: Always }] }",
          "---",
          ...workloadHead("Deployment", "redis"),
          "    spec: { containers: [{ name: redis, image: redis }] }",
          "",
        ].join("\n"),
      },
      "deployview-skaffold-",
    );
    const { model, sources } = await loadManifestsAsModel([join(root, "k8s")]);
    const services = Object.fromEntries(model!.services.map((s) => [s.id, s]));
    expect(services.frontend!.build?.context).toBe("src/frontend");
    expect(services.frontend!.pull).toBe("build");
    expect(services.loadgenerator!.build?.context).toBe("src/loadgenerator");
    expect(services.loadgenerator!.pull).toBe("always");
    expect(services.redis!.build).toBeUndefined();
    const unpinned = checkModel(model!, { sources })
      .filter((d) => d.code === "image-latest-tag")
      .map((d) => d.message);
    // The sidecar agent is built too; envoy and redis are pulled without a version.
    expect(unpinned).toEqual([
      "container 'proxy' of 'frontend' runs envoy, which is not pinned to a version",
      "'redis' runs redis, which is not pinned to a version",
    ]);
  });

  it("finds a disruption budget that lets no pod be evicted, at the PodDisruptionBudget", async () => {
    const { found, at } = await manifestRuleFindings(
      [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata: { name: api }",
        "spec:",
        "  replicas: 2",
        "  selector: { matchLabels: { app: api } }",
        "  template:",
        "    metadata: { labels: { app: api } }",
        "    spec: { containers: [{ name: api, image: 'api:1.0' }] }",
        "---",
        "apiVersion: policy/v1",
        "kind: PodDisruptionBudget",
        "metadata: { name: api }",
        "spec:",
        "  minAvailable: 2",
        "  selector: { matchLabels: { app: api } }",
        "",
      ],
      "disruption-budget-blocks-eviction",
    );
    expect(at).toEqual(["disruption-budget-blocks-eviction@15:17"]);
    expect(found[0]!.message).toBe(
      "the disruption budget of 'api' lets none of its pods be evicted: minAvailable is 2 of 2 replicas",
    );
    expect(found[0]!.hint).toBe(
      "allow one pod down: maxUnavailable: 1, or a minAvailable below the replicas",
    );
  });

  it("finds a Service whose selector matches no pods, not one that selects none on purpose, and lets its rule be turned off", async () => {
    const external =
      "---\napiVersion: v1\nkind: Service\nmetadata: { name: outside }\nspec: { type: ExternalName, externalName: db.example.com }\n";
    const lines = [`${selectsNothing}${external}`];
    const { found, at } = await manifestRuleFindings(lines, "service-selects-nothing");
    expect(at).toEqual(["service-selects-nothing@18:26"]);
    expect(found[0]!.message).toBe(
      "Service 'old' selects no pods: no workload in namespace 'default' is labelled app=api-v1",
    );
    expect((await manifestRuleFindings(lines, "service-selects-nothing", "off")).found).toEqual([]);
  });

  it("builds a kustomize overlay: resources, components, images, namespace, strategic and JSON patches", async () => {
    const { imported, diagnostics, sources } = await importManifests([`${fixtures}/kustomize/overlays/prod`]);
    expect(located(diagnostics, sources)).toEqual([
      "kustomize-remote-resource@6:5",
      "kustomize-missing-resource@7:5",
      "kustomize-patch-unmatched@21:5",
    ]);
    const input = imported!.input as unknown as {
      services: Record<string, Record<string, unknown>>;
      environments: {
        prod: { nodes: { cluster: { nodes: Record<string, { run: Record<string, unknown> }> } } };
      };
    };
    // The overlay's folder names the environment it runs in.
    expect(Object.keys(input.environments)).toEqual(["prod"]);
    // The component deleted the worker; the image was renamed and tagged; the patches applied.
    expect(Object.keys(input.services)).toEqual(["api"]);
    expect(input.services.api).toMatchObject({
      image: "registry.example.com/shop/api:2.0.1",
      memory: "256Mi",
      env: { MODE: "production" },
    });
    expect(input.environments.prod.nodes.cluster.nodes["shop-prod"]!.run.api).toEqual({
      workload: "Deployment",
      replicas: 3,
      "disruption-budget": false,
      spread: false,
    });
  });

  it("sets kustomize's images in the containers and init containers of every workload's pod, a bare Pod's and a CronJob's", async () => {
    const pod =
      "spec:\n  initContainers: [{ name: i, image: 'busybox:latest' }]\n  containers: [{ name: p, image: 'nginx:latest' }]\n";
    const root = folderWith({
      "w.yaml": [
        `apiVersion: v1\nkind: Pod\nmetadata: { name: pod }\n${pod}`,
        `apiVersion: batch/v1\nkind: CronJob\nmetadata: { name: cron }\nspec:\n  schedule: '* * * * *'\n  jobTemplate:\n    spec:\n      template:\n        ${pod.replaceAll("\n  ", "\n          ").replace("spec:", "spec:\n          restartPolicy: Never")}`,
      ].join("---\n"),
      "kustomization.yaml":
        "resources: [w.yaml]\nimages:\n  - { name: nginx, newTag: '1.27' }\n  - { name: busybox, newName: mirror/busybox, digest: 'sha256:abc' }\n",
    });
    const { model } = await loadManifestsAsModel([root]);
    expect(model!.importFindings!.filter((d) => d.code === "image-latest-tag")).toEqual([]);
    expect(model!.services.map((s) => s.image)).toEqual(["nginx:1.27", "nginx:1.27"]);
  });

  it("keeps an image's tag and digest where kustomize's images set neither, and replaces both where they set either", async () => {
    const pod = (name: string, image: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata: { name: ${name} }\nspec: { containers: [{ name: c, image: '${image}' }] }\n`;
    const root = folderWith({
      "w.yaml": [
        pod("renamed", "web@sha256:aaa"),
        pod("both", "api:1.0@sha256:bbb"),
        pod("tagged", "worker:1.0@sha256:ccc"),
        pod("blank", "cache:7.2@sha256:eee"),
      ].join("---\n"),
      "kustomization.yaml": [
        "resources: [w.yaml]",
        "images:",
        "  - { name: web, newName: mirror/web }",
        "  - { name: api, newTag: '2.0', digest: 'sha256:ddd' }",
        "  - { name: worker, newTag: '2.0' }",
        // Empty is unset, as kustomize reads it: the tag and digest stay.
        "  - { name: cache, newName: mirror/cache, newTag: '', digest: '' }",
        "",
      ].join("\n"),
    });
    const { model } = await loadManifestsAsModel([root]);
    expect(model!.services.map((s) => s.image)).toEqual([
      "mirror/web@sha256:aaa",
      "api:2.0@sha256:ddd",
      "worker:2.0",
      "mirror/cache:7.2@sha256:eee",
    ]);
  });

  it("points a finding on a field an overlay's patch set at the patch, and one on the base's fields at the base", async () => {
    const root = folderWith({
      "base/app.yaml": [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata: { name: web }",
        "spec:",
        "  template:",
        "    spec:",
        "      containers:",
        "        - name: web",
        "          image: 'nginx:latest'",
        "",
      ].join("\n"),
      "base/kustomization.yaml": "resources: [app.yaml]\n",
      "prod/patch.yaml": [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata: { name: web }",
        "spec:",
        "  template:",
        "    spec:",
        "      containers:",
        "        - name: side",
        "          image: 'busybox:1.36'",
        "        - name: web",
        "          securityContext: { privileged: true }",
        "",
      ].join("\n"),
      "prod/network.yaml": "- op: add\n  path: /spec/template/spec/hostNetwork\n  value: true\n",
      "prod/kustomization.yaml": [
        "resources: [../base]",
        "patches:",
        "  - path: patch.yaml",
        "  - path: network.yaml",
        "    target: { kind: Deployment, name: web }",
        "  - patch: '[{ op: add, path: /spec/template/spec/hostPID, value: true }]'",
        "    target: { kind: Deployment }",
        "  - patch: |-",
        "      apiVersion: apps/v1",
        "      kind: Deployment",
        "      metadata: { name: web }",
        "      spec:",
        "        template:",
        "          spec:",
        "            hostIPC: true",
        "",
      ].join("\n"),
    });
    const result = await runCli(["check", join(root, "prod"), "--format", "json"]);
    const findings = (
      JSON.parse(result.stdout) as {
        diagnostics: { code: string; file: string; range: { start: { line: number } } }[];
      }
    ).diagnostics;
    const where = (code: string) =>
      findings
        .filter((d) => d.code === code)
        .map((d) => `${relative(root, d.file)}:${d.range.start.line}`)
        .sort();
    expect(where("privileged-container")).toEqual(["prod/patch.yaml:11"]);
    // An inline patch at its line where it is a literal block, else at the whole string.
    expect(where("host-namespace")).toEqual([
      "prod/kustomization.yaml:15",
      "prod/kustomization.yaml:6",
      "prod/network.yaml:3",
    ]);
    expect(where("image-latest-tag")).toEqual(["base/app.yaml:9"]);
    // The container the patch adds is written there whole, what it leaves out too.
    expect(where("no-resource-limits")).toEqual(["base/app.yaml:3", "prod/patch.yaml:8"]);
  });

  it("points a finding at its container where a patch removed another or appended one at the end of the list", async () => {
    const root = folderWith({
      "base/app.yaml": [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata: { name: web }",
        "spec:",
        "  template:",
        "    spec:",
        "      containers:",
        "        - name: old",
        "          image: 'nginx:1.25'",
        "        - name: web",
        "          image: 'busybox:latest'",
        "",
      ].join("\n"),
      "base/kustomization.yaml": "resources: [app.yaml]\n",
      "json/kustomization.yaml": [
        "resources: [../base]",
        "patches:",
        "  - target: { kind: Deployment, name: web }",
        "    patch: |-",
        "      - op: remove",
        "        path: /spec/template/spec/containers/0",
        "      - op: add",
        "        path: /spec/template/spec/containers/-",
        "        value: { name: cache, image: 'busybox:latest' }",
        "",
      ].join("\n"),
      "merge/kustomization.yaml": [
        "resources: [../base]",
        "patches:",
        "  - patch: |-",
        "      apiVersion: apps/v1",
        "      kind: Deployment",
        "      metadata: { name: web }",
        "      spec:",
        "        template:",
        "          spec:",
        "            containers:",
        "              - { name: old, $patch: delete }",
        "",
      ].join("\n"),
    });
    const latest = async (overlay: string) => {
      const result = await runCli(["check", join(root, overlay), "--format", "json"]);
      return (
        JSON.parse(result.stdout) as {
          diagnostics: { code: string; file: string; range: { start: { line: number } } }[];
        }
      ).diagnostics
        .filter((d) => d.code === "image-latest-tag")
        .map((d) => `${relative(root, d.file)}:${d.range.start.line}`)
        .sort();
    };
    expect(await latest("json")).toEqual(["base/app.yaml:11", "json/kustomization.yaml:9"]);
    expect(await latest("merge")).toEqual(["base/app.yaml:11"]);
  });

  it("notes a native sidecar as running beside the workload's container, an init container as starting it", async () => {
    const root = folderWith({
      "app.yaml": [
        ...workloadHead("Deployment", "api"),
        "    spec:",
        "      initContainers:",
        "        - { name: migrate, image: 'api:1.0' }",
        "        - { name: proxy, image: 'proxy:1.0', restartPolicy: Always }",
        "      containers: [{ name: api, image: 'api:1.0' }]",
        "",
      ].join("\n"),
    });
    const { imported } = await importManifests([root]);
    const run = (imported!.input.environments as unknown as Record<string, unknown>).kubernetes;
    expect(JSON.stringify(run)).toContain(
      JSON.stringify([
        "Starts with the init container 'migrate' (api:1.0)",
        "Also runs the sidecar 'proxy' (proxy:1.0), started before it",
      ]),
    );
  });

  it("reads how replicas are spread: across zones, across nodes (the default), or not at all", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deployview-spread-"));
    const deployment = (name: string, pod: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: ${name} }\nspec:\n  replicas: 3\n  template:\n    metadata: { labels: { app: ${name} } }\n    spec:\n      containers: [{ name: c, image: 'x:1' }]\n${pod}`;
    writeFileSync(
      join(dir, "app.yaml"),
      [
        deployment(
          "zoned",
          "      topologySpreadConstraints: [{ maxSkew: 1, topologyKey: topology.kubernetes.io/zone, labelSelector: { matchLabels: { app: zoned } } }]\n",
        ),
        deployment(
          "apart",
          "      affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: { topologyKey: kubernetes.io/hostname, labelSelector: { matchLabels: { app: apart } } } }] } }\n",
        ),
        deployment("together", ""),
      ].join("---\n"),
    );
    const run = (await importManifests([dir])).imported!.input.environments as unknown as Record<
      string,
      { nodes: { cluster: { nodes: { default: { run: Record<string, { spread?: unknown }> } } } } }
    >;
    const instances = Object.values(run)[0]!.nodes.cluster.nodes.default.run;
    expect([instances.zoned!.spread, instances.apart!.spread, instances.together!.spread]).toEqual([
      "zone",
      undefined,
      false,
    ]);
  });

  it("reads what an autoscaler scales on: CPU, memory, metrics of the application, or CPU by default", async () => {
    const deployment = (name: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: ${name} }\nspec:\n  template:\n    spec:\n      containers: [{ name: c, image: 'x:1' }]\n`;
    const autoscaler = (name: string, metrics: string) =>
      `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: ${name} }\nspec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: ${name} }\n  minReplicas: 2\n  maxReplicas: 4\n${metrics}`;
    const utilization = (name: string, percent: number) =>
      `{ type: Resource, resource: { name: ${name}, target: { type: Utilization, averageUtilization: ${percent} } } }`;
    const dir = folderWith({
      "app.yaml": [
        deployment("memory"),
        autoscaler("memory", `  metrics: [${utilization("memory", 70)}]\n`),
        deployment("queue"),
        autoscaler(
          "queue",
          "  metrics: [{ type: External, external: { metric: { name: q }, target: { type: Value, value: 5 } } }]\n",
        ),
        deployment("both"),
        autoscaler(
          "both",
          `  metrics: [${utilization("cpu", 60)}, { type: ContainerResource, containerResource: { name: memory, container: c, target: { type: Utilization, averageUtilization: 80 } } }]\n`,
        ),
        deployment("default"),
        autoscaler("default", ""),
      ].join("---\n"),
    });
    const run = (await importManifests([dir])).imported!.input.environments as unknown as Record<
      string,
      { nodes: { cluster: { nodes: { default: { run: Record<string, { replicas?: unknown }> } } } } }
    >;
    const instances = Object.values(run)[0]!.nodes.cluster.nodes.default.run;
    expect(Object.fromEntries(Object.entries(instances).map(([id, i]) => [id, i.replicas]))).toEqual({
      memory: { min: 2, max: 4, "memory-target": 70 },
      queue: { min: 2, max: 4, "custom-metrics": true },
      both: { min: 2, max: 4, "cpu-target": 60, "memory-target": 80 },
      default: { min: 2, max: 4 },
    });
    // Only the one that scales on CPU, as an autoscaler with no metrics does, needs a CPU request.
    const { model } = await loadManifestsAsModel([dir]);
    const found = checkModel(model!).filter((d) => d.code === "hpa-without-cpu-request");
    expect(found.map((d) => d.message)).toEqual([
      "'memory' autoscales on memory but requests none",
      "'both' autoscales on CPU but requests none",
      "'default' autoscales on CPU but requests none",
    ]);
  });

  it("reports kustomizations that include each other, and never loops", async () => {
    const { diagnostics, sources } = await importManifests([`${fixtures}/kustomize/overlays/loop`]);
    expect(located(diagnostics, sources)).toContain("kustomize-cycle@2:5");
  });

  it("follows kustomizations 64 deep, no further, where a chain of thousands overflowed the stack", async () => {
    const files: Record<string, string> = {
      "l0/kustomization.yaml": "resources: [app.yaml]\n",
      "l0/app.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata: { a: b }\n",
    };
    for (let level = 1; level < 3_000; level++)
      files[`l${level}/kustomization.yaml`] = `resources: [../l${level - 1}]\nnamePrefix: p${level}-\n`;
    const root = folderWith(files);
    const { diagnostics, sources } = await importManifests([join(root, "l2999")]);
    expect(located(diagnostics, sources)).toEqual(["kustomize-too-deep@1:13"]);
    expect(diagnostics[0]!.file).toBe(join(root, "l2935/kustomization.yaml"));
    // Within the limit it is built as kustomize builds it.
    const built = await importManifests([join(root, "l64")]);
    expect(built.diagnostics).toEqual([]);
  });

  it("passes over kustomize's own Kustomization and Component, and reads another group's objects of those kinds", async () => {
    const { diagnostics, sources } = await loadManifestText([
      "apiVersion: kustomize.config.k8s.io/v1alpha1",
      "kind: Component",
      "resources: [x.yaml]",
      "---",
      "apiVersion: dapr.io/v1alpha1",
      "kind: Component",
      "metadata: { name: statestore }",
      "spec: { type: state.redis, version: v1 }",
      "",
    ]);
    expect(located(diagnostics, sources)).toEqual(["manifest-kind-skipped@6:7"]);
    const flux = await loadManifestText([
      "apiVersion: kustomize.toolkit.fluxcd.io/v1",
      "kind: Kustomization",
      "metadata: { name: apps }",
      "spec: { interval: 10m, path: ./apps, sourceRef: { kind: GitRepository, name: flux-system } }",
      "",
    ]);
    expect(located(flux.diagnostics, flux.sources)).toEqual(["manifest-kind-skipped@2:7"]);
  });

  it("leaves out custom resources that share a built-in kind's name, where their group is not Kubernetes'", async () => {
    const { diagnostics, sources, model } = await loadManifestText([
      "apiVersion: example.com/v1",
      "kind: Deployment",
      "metadata: { name: thing }",
      "spec:",
      "  replicas: 3",
      "  template: { spec: { containers: [{ name: x, image: 'nginx:latest' }] } }",
      "---",
      "apiVersion: serving.knative.dev/v1",
      "kind: Service",
      "metadata: { name: hello }",
      "spec: { template: { spec: { containers: [{ image: 'hello:1.0' }] } } }",
      "---",
      ...apiContainer(),
      "",
    ]);
    expect(model!.services.map((s) => s.id)).toEqual(["api"]);
    expect(located(diagnostics, sources)).toEqual(["manifest-kind-skipped@2:7", "manifest-kind-skipped@9:7"]);
    const skipped = diagnostics.filter((d) => d.code === "manifest-kind-skipped").map((d) => d.message);
    expect(skipped).toEqual([
      "Deployment objects of example.com/v1 are custom resources, not part of the model; 'thing' and any others are left out",
      "Service objects of serving.knative.dev/v1 are custom resources, not part of the model; 'hello' and any others are left out",
    ]);
  });

  it("unwraps typed lists as kubectl does, their items taking the kind the list names where they leave it out", async () => {
    const { diagnostics, sources, model } = await loadManifestText([
      "apiVersion: v1",
      "kind: ConfigMapList",
      "items:",
      "  - apiVersion: v1",
      "    kind: ConfigMap",
      "    metadata: { name: settings }",
      "  - metadata: { name: extra }",
      "---",
      "apiVersion: rbac.authorization.k8s.io/v1",
      "kind: RoleBindingList",
      "items: []",
      "---",
      ...workloadHead("Deployment", "api"),
      "    spec:",
      "      containers:",
      "        - name: api",
      "          image: 'api:1.0'",
      "          envFrom: [{ configMapRef: { name: settings } }, { configMapRef: { name: extra } }]",
      "",
    ]);
    expect(located(diagnostics, sources)).toEqual([]);
    expect(model!.importFindings!.map((d) => d.code)).not.toContain("unknown-config");
  });

  it("says a file of documents that are none of them objects holds nothing to check, as an error", async () => {
    const { model, diagnostics, sources } = await loadManifestText(
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n",
    );
    expect(model).toBeUndefined();
    expect(located(diagnostics, sources)).toEqual(["manifest-not-object@2:7", "manifest-not-object"]);
    expect(diagnostics.map((d) => d.severity)).toEqual(["warning", "error"]);
  });

  it("checks objects the API server names from their generateName, each a new one, pointed at their prefix", async () => {
    const job = (privileged: boolean) =>
      `apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: migrate-\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{ name: m, image: 'm:1.0', securityContext: { privileged: ${privileged} } }]\n`;
    const { model, diagnostics, sources } = await loadManifestText(
      [job(true), job(false), "apiVersion: v1\nkind: ConfigMap\nmetadata: { generateName: Bad_ }\n"].join(
        "---\n",
      ),
    );
    // Named by the API server, the two Jobs are two objects, and the prefix is held to the rules.
    expect(located(diagnostics, sources)).toEqual(["manifest-invalid@23:27"]);
    expect(model!.services.map((s) => s.id)).toEqual(["migrate-", "migrate-2"]);
    const found = checkModel(model!, { sources }).filter((d) => d.code === "privileged-container");
    expect(located(found, sources)).toEqual(["privileged-container@9:78"]);
    expect(found[0]!.message).toContain("'migrate-'");
    const named = checkModel(model!, { sources }).filter((d) => d.code === "no-resource-limits");
    expect(located(named, sources)).toEqual(["no-resource-limits@4:3", "no-resource-limits@14:3"]);
  });

  it("reports bad documents where they are and imports the rest", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deployview-manifests-"));
    writeFileSync(
      join(dir, "bad.yaml"),
      [
        "just a string",
        "---",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {}",
        "---",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: ok, __proto__: x }\nspec: { template: { spec: { containers: [{ name: c, image: 'a:1' }] } } }",
        "---",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: good }\nspec: { template: { spec: { containers: [{ name: c, image: 'a:1' }] } } }",
        "---",
        "a: [unclosed",
      ].join("\n"),
    );
    writeFileSync(
      join(dir, "empty-pods.yaml"),
      [
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: listless }\nspec: { template: { spec: { containers: nope } } }",
        "---",
        "apiVersion: batch/v1\nkind: Job\nmetadata: { name: podless }\nspec: { template: { spec: { restartPolicy: Never } } }",
      ].join("\n"),
    );
    const { imported, diagnostics, sources } = await importManifests([dir]);
    expect(located(diagnostics, sources)).toEqual([
      "forbidden-key@9:23",
      "yaml-syntax@17:4",
      "manifest-not-object@1:1",
      "manifest-not-object@4:7",
      "schema-wrong-type@9:27",
      // containers: nope, which kubectl refuses as a wrong type.
      "schema-wrong-type@4:41",
    ]);
    expect(Object.keys(imported!.input.services)).toEqual(["good", "listless", "podless"]);
    const missing = await importManifests([join(dir, "nothing.yaml")]);
    expect(missing.imported).toBeUndefined();
    expect(missing.diagnostics.map((d) => d.code)).toEqual(["file-unreadable"]);
  });
});

describe("kustomize generators and name prefixes", () => {
  it("makes ConfigMaps and Secrets from literals and env files, merges over the bases, and renames references with the objects", async () => {
    const { imported, diagnostics, sources } = await importManifests([`${fixtures}/generators/overlay`]);
    const text = JSON.stringify(imported!.input);
    // A Secret's values are never read.
    expect(text).not.toContain("plain-value-that-must-not-appear");
    const services = imported!.input.services as Record<string, ServiceInputType>;
    expect(Object.keys(services)).toEqual(["prod-web"]);
    expect(services["prod-web"]!.env).toEqual({
      MODE: "production",
      LOG_LEVEL: "info",
      FEATURES: "search,cart",
      API_KEY: { secret: "prod-web-secrets", key: "API_KEY" },
    });
    expect(services["prod-web"]!.volumes).toEqual({
      data: { path: "/var/lib/web", type: "volume", source: "prod-web-data", size: "5Gi" },
    });
    // The autoscaler and the ingress still find what they name, under its new name.
    expect(text).toContain('"replicas":{"min":2,"max":5}');
    expect(text).toContain('"routes":{"/":{"to":"prod-web","port":"http"}}');
    expect(located(diagnostics, sources)).toEqual([
      "kustomize-patch-unmatched@7:5",
      "kustomize-missing-resource@16:12",
    ]);
  });
});

describe("kustomize labels, annotations and replica counts", () => {
  const base = [
    ...workloadHead("Deployment", "web"),
    "    spec: { containers: [{ name: web, image: 'web:1.0', ports: [{ containerPort: 80 }] }] }",
    "---",
    ...service("web", "{ selector: { app: web }, ports: [{ port: 80 }] }"),
    "---",
    "apiVersion: policy/v1",
    "kind: PodDisruptionBudget",
    "metadata: { name: web }",
    "spec: { minAvailable: 1, selector: { matchLabels: { app: web } } }",
    "",
  ].join("\n");
  const overlay = [
    "resources: [../base]",
    "commonLabels: { env: prod }",
    "labels: [{ pairs: { team: shop } }, { pairs: { tier: front }, includeTemplates: true }]",
    "commonAnnotations: { owner: shop-team }",
    "replicas: [{ name: web, count: 3 }, { name: gone, count: 2 }]",
    "",
  ].join("\n");

  it("label every object, select by the common labels everywhere a selector is, and scale the workloads named", () => {
    const dir = folderWith({
      "base/app.yaml": base,
      "base/kustomization.yaml": "resources: [app.yaml]\n",
      "prod/kustomization.yaml": overlay,
    });
    const context = { diagnostics: [], sources: new Map<string, string>() };
    const objects = buildKustomization(join(dir, "prod"), context);
    const [deployment, service, budget] = objects.map((o) => o.value as unknown as ParsedObject);
    for (const object of [deployment, service, budget])
      expect(object!.metadata).toMatchObject({
        labels: { env: "prod", team: "shop" },
        annotations: { owner: "shop-team" },
      });
    expect(deployment!.spec.selector.matchLabels).toEqual({ app: "web", env: "prod" });
    expect(deployment!.spec.template.metadata.labels).toEqual({ app: "web", env: "prod", tier: "front" });
    expect(deployment!.spec.template.metadata.annotations).toEqual({ owner: "shop-team" });
    expect(deployment!.spec.replicas).toBe(3);
    expect(service!.spec.selector).toEqual({ app: "web", env: "prod" });
    expect(budget!.spec.selector.matchLabels).toEqual({ app: "web", env: "prod" });
    expect(located(context.diagnostics, context.sources)).toEqual(["kustomize-patch-unmatched@5:45"]);
  });

  it("leave the workloads, Services and budgets finding each other, as the rules see them", async () => {
    const dir = folderWith({
      "base/app.yaml": base,
      "base/kustomization.yaml": "resources: [app.yaml]\n",
      "prod/kustomization.yaml": overlay,
    });
    const { imported } = await importManifests([join(dir, "prod")]);
    const run = JSON.stringify(imported!.input.environments);
    expect(run).toContain(
      '"web":{"workload":"Deployment","replicas":3,"disruption-budget":{"min-available":1}',
    );
    const loaded = await loadManifestsAsModel([join(dir, "prod")]);
    const codes = checkModel(loaded.model!, { sources: loaded.sources }).map((d) => d.code);
    expect(codes).not.toContain("service-selects-nothing");
    expect(codes).not.toContain("disruption-budget-selects-nothing");
    expect(codes).not.toContain("replicas-without-disruption-budget");
  });
});

describe("kustomize labels on a ReplicationController", () => {
  it("go into its selector where it has one, a plain map of labels, and into its pod template", () => {
    const dir = folderWith({
      "app.yaml": [
        "apiVersion: v1",
        "kind: ReplicationController",
        "metadata: { name: web }",
        "spec:",
        "  selector: { app: web }",
        "  template:",
        "    metadata: { labels: { app: web } }",
        "    spec: { containers: [{ name: web, image: 'web:1.0' }] }",
        "---",
        "apiVersion: v1",
        "kind: ReplicationController",
        "metadata: { name: cache }",
        "spec:",
        "  template:",
        "    metadata: { labels: { app: cache } }",
        "    spec: { containers: [{ name: cache, image: 'redis:7.2' }] }",
        "",
      ].join("\n"),
      "kustomization.yaml": "resources: [app.yaml]\ncommonLabels: { env: prod }\n",
    });
    const context = { diagnostics: [], sources: new Map<string, string>() };
    const [web, cache] = buildKustomization(dir, context).map((o) => o.value as unknown as ParsedObject);
    expect(web!.spec.selector).toEqual({ app: "web", env: "prod" });
    expect(web!.spec.template.metadata.labels).toEqual({ app: "web", env: "prod" });
    expect(cache!.spec.selector).toBeUndefined();
    expect(cache!.spec.template.metadata.labels).toEqual({ app: "cache", env: "prod" });
  });
});

describe("kustomize patches", () => {
  it("make a Job of a Deployment where a JSON patch replaces its kind and apiVersion, as kustomize does", async () => {
    const dir = folderWith({
      "base/app.yaml": [
        ...workloadHead("Deployment", "seed"),
        "    spec: { containers: [{ name: seed, image: 'seed:1.0' }] }",
        "",
      ].join("\n"),
      "base/kustomization.yaml": "resources: [app.yaml]\n",
      "job/kustomization.yaml": [
        "resources: [../base]",
        "patchesJson6902:",
        "  - target: { group: apps, version: v1, kind: Deployment, name: seed }",
        "    path: patch.yaml",
        "",
      ].join("\n"),
      "job/patch.yaml": [
        "- { op: replace, path: /kind, value: Job }",
        "- { op: replace, path: /apiVersion, value: batch/v1 }",
        "- { op: remove, path: /spec/selector }",
        "- { op: add, path: /spec/template/spec/restartPolicy, value: OnFailure }",
        "",
      ].join("\n"),
    });
    const { model, diagnostics, sources } = await loadManifestsAsModel([join(dir, "job")]);
    expect(located(diagnostics, sources)).toEqual([]);
    expect(model!.importFindings!.map((d) => d.code)).not.toContain("workload-selector-mismatch");
    expect(model!.services.map((s) => [s.id, s.kind])).toEqual([["seed", "job"]]);
  });

  it("aim at objects by label and annotation selectors, and by a name pattern", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deployview-kustomize-"));
    const deployment = (name: string, labels: string, annotations = "{}") =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: ${name}, labels: ${labels}, annotations: ${annotations} }\nspec:\n  replicas: 1\n  template: { spec: { containers: [{ name: c, image: 'x:1' }] } }\n`;
    writeFileSync(
      join(dir, "app.yaml"),
      [
        deployment("api", "{ tier: backend, env: prod }"),
        deployment("worker", "{ tier: backend }", "{ scale: 'yes' }"),
        deployment("web", "{ tier: frontend }"),
      ].join("---\n"),
    );
    writeFileSync(
      join(dir, "kustomization.yaml"),
      [
        "resources: [app.yaml]",
        "patches:",
        "  - target: { kind: Deployment, labelSelector: 'tier=backend,env in (prod, staging)' }",
        "    patch: '[{ op: replace, path: /spec/replicas, value: 3 }]'",
        "  - target: { annotationSelector: scale }",
        "    patch: '[{ op: replace, path: /spec/replicas, value: 4 }]'",
        "  - target: { kind: Deployment, name: 'w.*', labelSelector: '!env' }",
        "    patch: '{ metadata: { name: ignored }, spec: { paused: true } }'",
        "",
      ].join("\n"),
    );
    const { imported, diagnostics } = await importManifests([dir]);
    expect(diagnostics).toEqual([]);
    const run = JSON.stringify(imported!.input.environments);
    expect(run).toContain('"api":{"workload":"Deployment","replicas":3');
    expect(run).toContain('"worker":{"workload":"Deployment","replicas":4');
    expect(run).toMatch(/"web":\{"workload":"Deployment","replicas":1[,}]/);
  });

  it("merge containers by name, delete with $patch and replace at a JSON pointer", () => {
    const base = {
      spec: {
        containers: [
          { name: "a", image: "a:1", env: [{ name: "X", value: "1" }] },
          { name: "b", image: "b:1" },
        ],
      },
    };
    expect(
      strategicMerge(base, {
        spec: {
          containers: [
            { name: "a", env: [{ name: "Y", value: "2" }] },
            { name: "b", $patch: "delete" },
          ],
        },
      }),
    ).toEqual({
      spec: {
        containers: [
          {
            name: "a",
            image: "a:1",
            env: [
              { name: "X", value: "1" },
              { name: "Y", value: "2" },
            ],
          },
        ],
      },
    });
    expect(strategicMerge(base, { $patch: "delete" })).toBeUndefined();
    const patched = jsonPatch(base, [
      { op: "replace", path: "/spec/containers/1/image", value: "b:2" },
      { op: "add", path: "/spec/containers/-", value: { name: "c" } },
      { op: "move", path: "/spec", from: "/x" },
    ]);
    expect((patched.value as typeof base).spec.containers.map((c) => c.image ?? c.name)).toEqual([
      "a:1",
      "b:2",
      "c",
    ]);
    expect(patched.failed).toEqual([{ index: 2, reason: "the 'move' operation is not applied" }]);
  });

  it("never throw, whatever they are given", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (base, patch) => {
        strategicMerge(base, patch);
        if (Array.isArray(patch)) jsonPatch(base, patch);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the corpus of real manifests", () => {
  const corpus = join(repoRoot, "../shared/corpus");
  const targets: string[] = [];
  const walk = (dir: string) => {
    const names = readdirSync(dir);
    if (names.some((n) => /^kustomization\.ya?ml$/.test(n))) targets.push(dir);
    for (const name of names) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(name) && !/compose|kustomization|^pwd\.yml$/.test(name)) targets.push(path);
    }
  };
  if (existsSync(corpus)) walk(corpus);

  it.skipIf(targets.length === 0)(
    "imports every file and kustomization without a crash, and lints what it gets",
    async () => {
      let models = 0;
      for (const target of targets) {
        const loaded = await loadManifestsAsModel([target]);
        for (const d of loaded.diagnostics) expect(d.file, `${target}: ${d.message}`).toBeDefined();
        if (loaded.model) {
          models++;
          checkModel(loaded.model, { sources: loaded.sources });
        }
      }
      expect(models).toBeGreaterThan(10);
    },
  );
});

describe("a kustomization's resource that is neither a file nor a folder", () => {
  it("is refused at its entry, as what is not a file", async () => {
    const root = folderWith({
      "app.yaml": `${oneContainer("Deployment", "web").join("\n")}\n`,
      "kustomization.yaml": "resources:\n  - app.yaml\n  - device.yaml\n",
    });
    symlinkSync("/dev/null", join(root, "device.yaml"));
    const { diagnostics, sources } = await importManifests([root]);
    expect(located(diagnostics, sources)).toEqual(["kustomize-missing-resource@3:5"]);
    expect(diagnostics.map((d) => d.message)).toEqual(["'device.yaml' is not a file"]);
  });
});
