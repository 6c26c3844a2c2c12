/** fast-check generators of valid model YAML, shared by the loader's and emitters' property tests. */
import fc from "fast-check";
import { stringify } from "yaml";

const kinds = ["web", "api", "worker", "database", "cache", "broker", "storage", "proxy"] as const;
const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
/** Text that stresses escaping: table pipes, HTML, Markdown and YAML punctuation, non-ASCII. */
export const hostileText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    "a | b",
    "<img src=x onerror=alert(1)>",
    "`code`",
    "*bold*",
    "line\nbreak",
    "ü – ₄ ×",
    "# not a heading",
  ),
);

export const arbitraryModel = fc
  .record({
    name: hostileText,
    services: fc.uniqueArray(
      fc.record({
        id,
        kind: fc.constantFrom(...kinds),
        description: fc.option(hostileText, { nil: undefined }),
        port: fc.integer({ min: 1, max: 65535 }),
        memory: fc.integer({ min: 1, max: 4096 }),
        usesIndex: fc.option(fc.nat(), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 8, selector: (s) => s.id },
    ),
    budget: fc.integer({ min: 1, max: 64 }),
  })
  .map(({ name, services, budget }) => {
    const ids = services.map((s) => s.id);
    const model = {
      system: { name: name || "system" },
      services: Object.fromEntries(
        services.map((s, index) => {
          const used = s.usesIndex === undefined ? undefined : ids[s.usesIndex % ids.length];
          return [
            s.id,
            {
              kind: s.kind,
              image: `${s.id}:1.0`,
              ...(s.description ? { description: s.description } : {}),
              ports: { main: s.port },
              memory: `${s.memory}Mi`,
              ...(used && used !== s.id && index > ids.indexOf(used) ? { uses: { [used]: "calls" } } : {}),
            },
          ];
        }),
      ),
      environments: {
        dev: {
          platform: "compose",
          access: "local",
          nodes: { host: { kind: "host", budget: { memory: `${budget}Gi` }, run: ids } },
        },
        prod: {
          platform: "kubernetes",
          nodes: { cluster: { kind: "cluster", nodes: { app: { kind: "namespace", run: ids } } } },
        },
      },
    };
    return stringify(model);
  });
