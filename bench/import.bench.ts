/**
 * Reading what a repository already has. Issue budgets: importing a 1,000-service compose file
 * within 300 ms; `init` on a 200-service monorepo (compose files, manifests, service folders)
 * within 2 s. The reference is a bare YAML parse of the same compose file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { emitCompose } from "../src/emit/compose/index.js";
import { emitKubernetes } from "../src/emit/k8s/index.js";
import { loadComposeAsModel } from "../src/import/compose/index.js";
import { initFromRepository } from "../src/import/repository/index.js";
import { loadModelText } from "../src/load/index.js";
import { generateModelText } from "./generate-model.js";
import { median, row } from "./measure.js";

function generated(services: number) {
  const { model } = loadModelText(generateModelText(services), "bench.yaml");
  if (!model) throw new Error("the benchmark model did not load");
  const compose = emitCompose(model, "dev").files.find((f) => f.path === "compose.yaml");
  if (!compose) throw new Error("the benchmark model gave no compose file");
  return { model, compose: compose.content };
}

const dir = mkdtempSync(join(tmpdir(), "deployview-bench-import-"));
try {
  const large = generated(1000);
  const file = join(dir, "compose.yaml");
  writeFileSync(file, large.compose);
  const reference = { label: "a bare YAML parse", ms: await median(() => parse(large.compose)) };
  console.log(`compose file: 1,000 services, ${(large.compose.length / 1024).toFixed(0)} KiB`);
  row("yaml.parse (reference)", reference.ms);
  const loaded = await loadComposeAsModel([file]);
  if (loaded.model?.services.length !== 1000) throw new Error("the compose import lost services");
  row("import as a model (budget 300 ms)", await median(() => loadComposeAsModel([file])), reference);

  // A monorepo: a folder per service with its manifest, compose files at the root, Kubernetes manifests.
  const repo = join(dir, "monorepo");
  const small = generated(200);
  mkdirSync(join(repo, "deploy", "k8s"), { recursive: true });
  writeFileSync(join(repo, "compose.yaml"), small.compose);
  writeFileSync(join(repo, "compose.prod.yaml"), "services: {}\n");
  for (const manifest of emitKubernetes(small.model, "production").files)
    writeFileSync(join(repo, "deploy", "k8s", manifest.path), manifest.content);
  for (const service of small.model.services) {
    const folder = join(repo, "services", service.id);
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, "package.json"),
      JSON.stringify({ name: service.id, dependencies: { express: "4" } }),
    );
    writeFileSync(join(folder, "Dockerfile"), 'FROM node:20-alpine\nEXPOSE 3000\nCMD ["node", "index.js"]\n');
  }
  const init = await initFromRepository(repo);
  if (!init.text || init.services.length < 200) throw new Error("init found too little in the monorepo");
  row(
    "init on a 200-service monorepo (budget 2 s)",
    await median(() => initFromRepository(repo), 3),
    reference,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
