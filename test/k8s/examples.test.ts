import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { kubernetesFolder } from "../../src/build/outputs.js";
import { emitKubernetes } from "../../src/emit/k8s/index.js";
import { loadModelFile } from "../../src/load/index.js";
import type { Model } from "../../src/model/types.js";
import { examples } from "../helpers/examples.js";
import { manifestErrors, manifestObjects, type ParsedObject } from "./validate.js";

const update = process.env.UPDATE_GOLDEN === "1";

async function manifests(name: string, environment: string) {
  const example = examples().find((e) => e.name === name)!;
  const { model } = await loadModelFile(example.model);
  const { files, diagnostics } = emitKubernetes(model!, environment);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const objects = files
    .filter((f) => f.path !== "kustomization.yaml")
    .flatMap((f) => manifestObjects(f.content));
  const all = (kind: string) => objects.filter((o) => o.kind === kind);
  const find = (kind: string, name: string): ParsedObject | undefined =>
    all(kind).find((o) => o.metadata.name === name);
  return { files, objects, all, find };
}

describe("the Kubernetes manifests of each example", () => {
  for (const example of examples()) {
    it(`${example.name}: validate, and match the committed files byte for byte`, async () => {
      const { model, diagnostics } = await loadModelFile(example.model);
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      for (const target of (model as Model).outputs.kubernetes) {
        const result = emitKubernetes(model!, target.environment);
        expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        expect(result.files.length).toBeGreaterThan(1);
        const folder = join(example.dir, kubernetesFolder(target.path));
        if (update) mkdirSync(folder, { recursive: true });
        for (const file of result.files) {
          if (file.path !== "kustomization.yaml") expect(manifestErrors(file.content), file.path).toEqual([]);
          const path = join(folder, file.path);
          if (update) writeFileSync(path, file.content);
          expect(file.content, `${path} is stale: run npm run examples`).toBe(readFileSync(path, "utf8"));
        }
        // Nothing left over from an earlier model: the folder holds exactly what kustomize applies.
        expect(readdirSync(folder).sort()).toEqual(result.files.map((f) => f.path).sort());
      }
    });
  }
});

describe("seed 000 §7.3–7.4: YAM Agri on k3s", () => {
  it("staging: MariaDB and MinIO as StatefulSets (MariaDB on 10 GB), Redis and the Frappe processes as Deployments, Traefik with TLS", async () => {
    const { find, all } = await manifests("yam-agri", "staging");
    expect(find("StatefulSet", "mariadb")!.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe(
      "10G",
    );
    expect(find("StatefulSet", "minio")).toBeDefined();
    for (const name of ["frappe-web", "frappe-worker", "frappe-scheduler", "redis", "ai-gateway"])
      expect(find("Deployment", name), name).toBeDefined();
    expect(all("Namespace").map((n) => n.metadata.name)).toEqual(["frappe"]);
    const ingress = find("Ingress", "traefik")!;
    expect(ingress.spec.ingressClassName).toBe("traefik");
    expect(ingress.spec.tls).toHaveLength(1);
    expect(ingress.spec.rules[0].host).toBe("yam-staging.vpn.internal");
    expect(ingress.spec.rules[0].http.paths.map((p: { path: string }) => p.path)).toEqual([
      "/",
      "/socket.io",
    ]);
    // Secrets are referenced, never written.
    expect(
      find("StatefulSet", "mariadb")!.spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef.name,
    ).toBe("db-root-password");
  });

  it("production: Frappe workers ×3, MariaDB primary and replica as StatefulSets, Redis Sentinel ×3, MinIO ×4, a monitoring namespace, HTTPS", async () => {
    const { find, all } = await manifests("yam-agri", "production");
    expect(find("Deployment", "frappe-worker")!.spec.replicas).toBe(3);
    expect(find("PodDisruptionBudget", "frappe-worker")).toBeDefined();
    expect(find("StatefulSet", "mariadb-primary")).toBeDefined();
    expect(find("StatefulSet", "mariadb-replica")).toBeDefined();
    expect(find("StatefulSet", "redis-queue")!.spec.replicas).toBe(3);
    expect(find("StatefulSet", "minio")!.spec.replicas).toBe(4);
    expect(find("StatefulSet", "minio")!.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe(
      "100G",
    );
    expect(all("Namespace").map((n) => n.metadata.name)).toEqual(["frappe", "monitoring"]);
    expect(find("Deployment", "grafana")!.metadata.namespace).toBe("monitoring");
    expect(find("Ingress", "ingress")!.spec.tls).toHaveLength(1);
    // Two web pods share the site folder, so its claim must be shareable.
    expect(find("PersistentVolumeClaim", "frappe-web-sites")!.spec.accessModes).toEqual(["ReadWriteMany"]);
  });
});

describe("seed 001 §7.1: req1 on Kubernetes", () => {
  it("the API as a Deployment with 2+ replicas under an HPA, probes, requests and limits", async () => {
    const { find } = await manifests("req1", "production-k8s");
    const api = find("Deployment", "app")!;
    expect(api.metadata.namespace).toBe("req1");
    const hpa = find("HorizontalPodAutoscaler", "app")!;
    expect([hpa.spec.minReplicas, hpa.spec.maxReplicas]).toEqual([2, 10]);
    const container = api.spec.template.spec.containers[0];
    expect(container.livenessProbe.httpGet).toEqual({ path: "/health/live", port: 8080 });
    expect(container.readinessProbe.httpGet).toEqual({ path: "/health/live", port: 8080 });
    expect(container.resources).toEqual({
      requests: { cpu: "250m", memory: "256Mi" },
      limits: { cpu: "1", memory: "512Mi" },
    });
    expect(api.spec.template.spec.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 1000 });
  });

  it("PostgreSQL primary and replica and SeaweedFS as StatefulSets in their namespaces; nginx Ingress with cert-manager TLS", async () => {
    const { find, files } = await manifests("req1", "production-k8s");
    for (const name of ["pg-primary", "pg-replica"]) {
      const set = find("StatefulSet", name)!;
      expect(set.metadata.namespace).toBe("data");
      expect(set.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe("50Gi");
    }
    expect(find("StatefulSet", "seaweedfs")!.metadata.namespace).toBe("storage");
    expect(find("StatefulSet", "seaweedfs")!.spec.replicas).toBe(3);
    const ingress = find("Ingress", "nginx-ingress")!;
    expect(ingress.metadata.namespace).toBe("req1");
    expect(ingress.metadata.annotations!["cert-manager.io/cluster-issuer"]).toBe("letsencrypt");
    expect(ingress.spec.ingressClassName).toBe("nginx");
    expect(ingress.spec.tls).toEqual([{ hosts: ["req1.example.com"], secretName: expect.any(String) }]);
    expect(find("ConfigMap", "app-config")!.data!.DATABASE_URL).toBe(
      "postgres://pg-primary.data.svc:5432/req1",
    );
    const kustomization = parse(files.find((f) => f.path === "kustomization.yaml")!.content);
    // The API's image is named in the model, so nothing is left for kustomize's images to fill in.
    expect(kustomization.images).toBeUndefined();
    expect(find("Deployment", "app")!.spec.template.spec.containers[0]!.image).toBe("req1/app:1.0.0");
    for (const file of files) expect(file.content).not.toMatch(/POSTGRES_PASSWORD: /);
  });
});
