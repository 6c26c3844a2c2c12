import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { emitCompose } from "../../src/emit/compose/index.js";
import { loadModelText } from "../../src/load/index.js";
import { composeSchemaErrors } from "../helpers/compose-schema.js";
import { arbitraryDeployableModel } from "../k8s/arbitrary-deployable-model.js";

describe("compose for any deployable model", () => {
  it("is written (never refused), validates, binds locally when access is local, and lists every variable in .env.example", () => {
    fc.assert(
      fc.property(arbitraryDeployableModel, (text) => {
        const loaded = loadModelText(text, "model.yaml");
        expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        const result = emitCompose(loaded.model!, "dev");
        expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        const compose = result.files.find((f) => f.path === "compose.yaml")!.content;
        const example = result.files.find((f) => f.path === ".env.example")!.content;
        expect(composeSchemaErrors(compose)).toEqual([]);
        const doc = parse(compose);
        expect(doc.version).toBeUndefined();
        const environment = loaded.model!.environments.find((e) => e.id === "dev")!;
        for (const service of Object.values(doc.services) as {
          ports?: string[];
          depends_on?: Record<string, unknown>;
        }[]) {
          for (const port of service.ports ?? []) {
            if (environment.access.scope === "local") expect(port).toMatch(/^127\.0\.0\.1:/);
            else expect(port).not.toMatch(/^127\.0\.0\.1:/);
          }
          for (const dependency of Object.keys(service.depends_on ?? {}))
            expect(doc.services[dependency]).toBeDefined();
        }
        for (const [, variable] of compose.matchAll(/\$\{([A-Z0-9_]+):\?/g))
          expect(example).toContain(`\n${variable}=`);
        expect(emitCompose(loaded.model!, "dev").files).toEqual(result.files);
      }),
      { numRuns: 100 },
    );
  });
});
