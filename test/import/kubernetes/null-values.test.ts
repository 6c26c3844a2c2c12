import { describe, expect, it } from "vitest";
import { checkModel } from "../../../src/check/index.js";
import { loadManifestsAsModel } from "../../../src/import/kubernetes/index.js";
import { folderWith } from "../../helpers/files.js";
import { located } from "../../helpers/positions.js";
import { service, workloadHead } from "../../rules/cases.js";

/** What reading the manifest and checking what it gives finds: "code@line:col message", the rules' too. */
async function found(lines: string[]): Promise<string[]> {
  const { model, diagnostics, sources } = await loadManifestsAsModel([
    folderWith({ "app.yaml": `${lines.join("\n")}\n` }),
  ]);
  const all = [...diagnostics, ...(model ? checkModel(model, { sources }) : [])];
  const where = located(all, sources);
  return all
    .map((d, i) => `${where[i]} ${d.message}`)
    .filter(
      (f) =>
        !/^(missing-health-check|no-resource-limits|no-image|image-|runs-as-root|writable-root-filesystem|net-raw-not-dropped)/.test(
          f,
        ),
    );
}

const ingress = (spec: string) => [
  "apiVersion: networking.k8s.io/v1",
  "kind: Ingress",
  "metadata: { name: shop }",
  `spec: ${spec}`,
];

describe("fields written as null", () => {
  it("say an entry of a list that is null is read as an empty one, in an Ingress's tls and rules", async () => {
    expect(
      await found([
        ...service("web", "{ selector: { app: web }, ports: [{ port: 80 }] }"),
        "---",
        ...ingress(
          "{ tls: [null], rules: [null, { host: a.example.com, http: { paths: [null, { path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }] } }] }",
        ),
      ]),
    ).toEqual([
      "schema-wrong-type@9:15 spec.tls.0 of Ingress 'shop' is null, which the API server reads as an entry with nothing set",
      "schema-wrong-type@9:30 spec.rules.0 of Ingress 'shop' is null, which the API server reads as an entry with nothing set",
      "schema-wrong-type@9:75 spec.rules.1.http.paths.0 of Ingress 'shop' is null, which the API server reads as an entry with nothing set",
      // A tls entry that is null states no TLS: what it was meant to hold is not there.
      "ingress-without-tls@9:15 Ingress 'shop' routes public traffic over plain HTTP, as its tls lists only null",
      "service-selects-nothing@4:26 Service 'web' selects no pods: no workload in namespace 'default' is labelled app=web",
    ]);
  });

  it("say a container that is null is none, and a port that is null an empty one, in a workload and its Service", async () => {
    expect(
      await found([
        ...workloadHead("Deployment", "web"),
        "    spec: { containers: [null] }",
        "---",
        ...workloadHead("Deployment", "api"),
        "    spec: { containers: [{ name: api, image: 'api:1.0', ports: [null] }] }",
        "---",
        ...service("api", "{ selector: { app: api }, ports: [null] }"),
      ]),
    ).toEqual([
      "schema-wrong-type@8:25 the pod of Deployment 'web' lists no container, only null; it is imported without an image",
      "schema-wrong-type@8:26 spec.template.spec.containers.0 of Deployment 'web' is null, which the API server reads as an entry with nothing set",
      "schema-wrong-type@17:65 spec.template.spec.containers.0.ports.0 of Deployment 'api' is null, which the API server reads as an entry with nothing set",
      "schema-wrong-type@22:41 spec.ports.0 of Service 'api' is null, which the API server reads as an entry with nothing set",
    ]);
  });

  it("say so in a bare Pod and a ReplicationController, whose fields are checked as a Deployment's are", async () => {
    expect(
      await found([
        "apiVersion: v1",
        "kind: Pod",
        "metadata: { name: debug }",
        "spec: { containers: [{ name: debug, image: 'debug:1.0', imagePullPolcy: Always }], volumes: [null] }",
        "---",
        "apiVersion: v1",
        "kind: ReplicationController",
        "metadata: { name: old }",
        "spec:",
        "  replicas: '2'",
        "  template:",
        "    metadata: { labels: { app: old } }",
        "    spec: { containers: [{ name: old, image: 'old:1.0', ports: [null] }] }",
      ]).then((findings) => findings.map((f) => f.split(" ")[0])),
    ).toEqual([
      "manifest-unknown-field@4:57",
      "schema-wrong-type@4:94",
      "schema-wrong-type@10:13",
      "schema-wrong-type@13:65",
    ]);
  });

  it("take a spec or rules that are null as left out", async () => {
    expect(await found([...workloadHead("Deployment", "web").slice(0, 3), "spec: null"])).toEqual([
      "schema-wrong-type@4:7 the pod of Deployment 'web' has no list of containers; it is imported without an image",
      "workload-selector-mismatch@4:1 Deployment 'web' has no selector, which apps/v1 requires",
    ]);
    expect(await found(ingress("{ rules: null }"))).toEqual([]);
    expect(await found(ingress("null"))).toEqual([]);
    expect(await found(service("web", "null"))).toEqual([]);
  });
});
