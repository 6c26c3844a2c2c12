import { describe, expect, it } from "vitest";
import { manifestRuleFindings } from "../helpers/manifest-findings.js";
import { oneContainer, service } from "./cases.js";

/** A StatefulSet 'postgres' listening on 5432, and what follows it. */
const postgres = (...after: string[]) => [
  ...oneContainer("StatefulSet", "postgres").map((line) =>
    line.replace("image: 'postgres:1.0'", "image: 'postgres:16.2', ports: [{ containerPort: 5432 }]"),
  ),
  ...after,
  "",
];

describe("a datastore a Service publishes outside the cluster", () => {
  it("is hinted to be reached through a ClusterIP Service, not to be bound to 127.0.0.1", async () => {
    const { found } = await manifestRuleFindings(
      postgres(
        "---",
        ...service(
          "postgres",
          "{ type: LoadBalancer, selector: { app: postgres }, ports: [{ port: 5432 }] }",
        ),
      ),
      "exposed-datastore",
    );
    expect(found.map((d) => d.hint)).toEqual([
      "make the Service a ClusterIP one (leave type out), and reach the datastore from inside the cluster",
    ]);
  });

  it("is said to be on a node port the cluster picks where a NodePort Service names none", async () => {
    const { found } = await manifestRuleFindings(
      postgres(
        "---",
        ...service("postgres", "{ type: NodePort, selector: { app: postgres }, ports: [{ port: 5432 }] }"),
        "---",
        ...service(
          "postgres-fixed",
          "{ type: NodePort, selector: { app: postgres }, ports: [{ port: 5433, targetPort: 5432, nodePort: 30432 }] }",
        ),
      ),
      "exposed-datastore",
    );
    expect(found.map((d) => d.message)).toEqual([
      "database 'postgres' is published on a host port the system picks (for 5432)",
    ]);
  });
});
