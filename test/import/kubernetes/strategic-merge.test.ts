import { describe, expect, it } from "vitest";
import { buildKustomization } from "../../../src/import/kubernetes/kustomize.js";
import { strategicMerge } from "../../../src/import/kubernetes/patch.js";
import { folderWith } from "../../helpers/files.js";
import { oneContainer } from "../../rules/cases.js";

describe("strategic merge patches", () => {
  it("merge a Service's ports by port, as its patchMergeKey says", () => {
    const service = { spec: { ports: [{ name: "http", port: 80, targetPort: 8080 }] } };
    expect(strategicMerge(service, { spec: { ports: [{ port: 80, targetPort: 9090 }] } })).toEqual({
      spec: { ports: [{ name: "http", port: 80, targetPort: 9090 }] },
    });
  });

  it("merge a container's ports by containerPort, its mounts by mountPath and its devices by devicePath", () => {
    const pod = {
      spec: {
        containers: [
          {
            name: "app",
            ports: [{ containerPort: 8080, name: "http" }],
            volumeMounts: [{ name: "data", mountPath: "/data" }],
            volumeDevices: [{ name: "disk", devicePath: "/dev/xvda" }],
          },
        ],
      },
    };
    const patch = {
      spec: {
        containers: [
          {
            name: "app",
            ports: [{ containerPort: 8080, protocol: "TCP" }],
            volumeMounts: [{ name: "other", mountPath: "/data" }],
            volumeDevices: [{ name: "other", devicePath: "/dev/xvda" }],
          },
        ],
      },
    };
    expect(strategicMerge(pod, patch)).toEqual({
      spec: {
        containers: [
          {
            name: "app",
            ports: [{ containerPort: 8080, name: "http", protocol: "TCP" }],
            volumeMounts: [{ name: "other", mountPath: "/data" }],
            volumeDevices: [{ name: "other", devicePath: "/dev/xvda" }],
          },
        ],
      },
    });
  });

  it("merge spread constraints by topologyKey, scheduling gates and service account secrets by name", () => {
    const zone = { topologyKey: "zone", maxSkew: 1, whenUnsatisfiable: "DoNotSchedule" };
    expect(
      strategicMerge(
        { spec: { topologySpreadConstraints: [zone], schedulingGates: [{ name: "a" }] } },
        {
          spec: {
            topologySpreadConstraints: [{ topologyKey: "zone", maxSkew: 2 }],
            schedulingGates: [{ name: "b" }],
          },
        },
      ),
    ).toEqual({
      spec: {
        topologySpreadConstraints: [{ ...zone, maxSkew: 2 }],
        schedulingGates: [{ name: "a" }, { name: "b" }],
      },
    });
    expect(strategicMerge({ secrets: [{ name: "a" }] }, { secrets: [{ name: "a" }, { name: "b" }] })).toEqual(
      {
        secrets: [{ name: "a" }, { name: "b" }],
      },
    );
  });

  it("replace the lists Kubernetes merges by no key: tolerations, a container's args", () => {
    const pod = {
      spec: {
        tolerations: [{ key: "gpu", operator: "Exists", effect: "NoSchedule" }],
        containers: [{ name: "app", args: ["--a"] }],
      },
    };
    const patch = {
      spec: {
        tolerations: [{ key: "gpu", operator: "Equal", value: "x" }],
        containers: [{ name: "app", args: ["--b"] }],
      },
    };
    expect(strategicMerge(pod, patch)).toEqual(patch);
  });

  it("replace ports that are neither a container's nor a Service's (an EndpointSlice's)", () => {
    const slice = { ports: [{ name: "http", port: 80 }] };
    expect(strategicMerge(slice, { ports: [{ port: 80 }] })).toEqual({ ports: [{ port: 80 }] });
  });
});

describe("strategic merge patches of a kustomization", () => {
  const build = (files: Record<string, string>) =>
    buildKustomization(folderWith(files), { diagnostics: [], sources: new Map<string, string>() });

  it("replace a custom resource's lists, for which kustomize has no schema to merge them by", () => {
    const resource = [
      "apiVersion: example.com/v1",
      "kind: Pipeline",
      "metadata: { name: build }",
      "spec:",
      "  containers: [{ name: lint, image: 'lint:1' }, { name: test, image: 'test:1' }]",
      "  ports: [{ name: http, port: 80 }]",
      "",
    ].join("\n");
    const patch = [
      "apiVersion: example.com/v1",
      "kind: Pipeline",
      "metadata: { name: build }",
      "spec:",
      "  containers: [{ name: test, image: 'test:2' }]",
      "  ports: [{ port: 80, targetPort: 8080 }]",
      "",
    ].join("\n");
    const [pipeline] = build({
      "pipeline.yaml": resource,
      "patch.yaml": patch,
      "kustomization.yaml": "resources: [pipeline.yaml]\npatches:\n  - path: patch.yaml\n",
    });
    expect(pipeline!.value.spec).toEqual({
      containers: [{ name: "test", image: "test:2" }],
      ports: [{ port: 80, targetPort: 8080 }],
    });
  });

  it("still merge a built-in kind's lists by their keys", () => {
    const [deployment] = build({
      "app.yaml": [...oneContainer("Deployment", "web"), ""].join("\n"),
      "patch.yaml": [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata: { name: web }",
        "spec: { template: { spec: { containers: [{ name: sidecar, image: 'proxy:1' }] } } }",
        "",
      ].join("\n"),
      "kustomization.yaml": "resources: [app.yaml]\npatches:\n  - path: patch.yaml\n",
    });
    const containers = (
      deployment!.value as { spec: { template: { spec: { containers: { name: string }[] } } } }
    ).spec.template.spec.containers;
    expect(containers.map((c) => c.name)).toEqual(["web", "sidecar"]);
  });

  it("merge the lists of a Kubernetes group's version the kind table lacks by their keys, as the importer reads such an object as Kubernetes' own", () => {
    const job = (containers: string) =>
      [
        "apiVersion: batch/v2alpha1",
        "kind: CronJob",
        "metadata: { name: nightly }",
        `spec: { jobTemplate: { spec: { template: { spec: { containers: ${containers} } } } } }`,
        "",
      ].join("\n");
    const [cronJob] = build({
      "job.yaml": job("[{ name: report, image: 'report:1' }]"),
      "patch.yaml": job("[{ name: upload, image: 'upload:1' }]"),
      "kustomization.yaml": "resources: [job.yaml]\npatches:\n  - path: patch.yaml\n",
    });
    const { containers } = (
      cronJob!.value as {
        spec: { jobTemplate: { spec: { template: { spec: { containers: { name: string }[] } } } } };
      }
    ).spec.jobTemplate.spec.template.spec;
    expect(containers.map((c) => c.name)).toEqual(["report", "upload"]);
  });
});
