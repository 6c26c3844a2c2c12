import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkModel } from "../../src/check/index.js";
import { emitCompose } from "../../src/emit/compose/index.js";
import { loadComposeAsModel } from "../../src/import/compose/index.js";
import { loadModelText } from "../../src/load/index.js";
import { folderWith } from "../helpers/files.js";

const model = `system: { name: Mix }
services:
  db: { kind: cache, image: "redis:7.2", ports: { redis: 6379 }, health: { command: [redis-cli, ping] } }
environments:
  dev:
    platform: compose
    nodes: { laptop: { kind: host, run: { db: { publish: { redis: { host: 6380, bind: 0.0.0.0 } } } } } }
`;

describe("a compose file deployview generated, checked", () => {
  it("is judged as the environment it was made for, as the model's check judges it", async () => {
    const loaded = loadModelText(model, "deployview.yaml");
    const codes = (found: { code: string }[]) => found.map((d) => d.code);
    // A datastore published beyond localhost is allowed in development.
    expect(codes(checkModel(loaded.model!))).not.toContain("exposed-datastore");
    const compose = emitCompose(loaded.model!, "dev").files.find((f) => f.path === "compose.yaml")!;
    const folder = folderWith({ "compose.yaml": compose.content });
    const generated = await loadComposeAsModel([join(folder, "compose.yaml")]);
    expect(generated.model!.environments.map((e) => e.id)).toEqual(["dev"]);
    expect(codes(checkModel(generated.model!, { sources: generated.sources }))).not.toContain(
      "exposed-datastore",
    );
    // Without the mark, the same file is judged as any other.
    const unmarked = folderWith({ "compose.yaml": compose.content.replace(/^x-deployview:.*\n.*\n/m, "") });
    const plain = await loadComposeAsModel([join(unmarked, "compose.yaml")]);
    expect(codes(checkModel(plain.model!, { sources: plain.sources }))).toContain("exposed-datastore");
  });
});
