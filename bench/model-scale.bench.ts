/**
 * Load, check, document and generate a 1,000-service × 3-environment model. Issue budgets:
 * load + check + docs within the time of a few bare YAML parses; compose + k8s together within 500 ms.
 */
import { parse } from "yaml";
import { checkModel } from "../src/check/index.js";
import { emitCompose } from "../src/emit/compose/index.js";
import { emitSvgDiagrams } from "../src/emit/diagram/svg/index.js";
import { renderDocument } from "../src/emit/docs/index.js";
import { emitKubernetes } from "../src/emit/k8s/index.js";
import { loadModelText } from "../src/load/index.js";
import { generateModelText } from "./generate-model.js";
import { median, peakMemoryMb, row } from "./measure.js";

const text = generateModelText(1000);
const reference = { label: "a bare YAML parse of the same text", ms: await median(() => parse(text)) };
console.log(`model: 1,000 services × 3 environments, ${(text.length / 1024).toFixed(0)} KiB of YAML`);
row("yaml.parse (reference)", reference.ms);
const load = await median(() => loadModelText(text, "bench.yaml"));
row("load (parse, validate, resolve)", load, reference);
const { model } = loadModelText(text, "bench.yaml");
if (!model) throw new Error("the benchmark model did not load");
const check = await median(() => checkModel(model));
row("check (every rule)", check, reference);
const docs = await median(() => renderDocument(model), 3);
row("docs (arc42 document)", docs, reference);
row("load + check + docs", load + check + docs, reference);
const compose = emitCompose(model, "dev");
if (compose.files.length === 0)
  throw new Error(`compose emitted nothing: ${compose.diagnostics[0]?.message}`);
const composeMs = await median(() => emitCompose(model, "dev"));
row("compose (dev environment)", composeMs, reference);
const kubernetes = emitKubernetes(model, "production");
if (kubernetes.files.length === 0)
  throw new Error(`k8s emitted nothing: ${kubernetes.diagnostics[0]?.message}`);
const k8sMs = await median(() => emitKubernetes(model, "production"));
row("k8s (production environment)", k8sMs, reference);
row("compose + k8s (budget 500 ms)", composeMs + k8sMs, reference);
row("SVG, three environments (budget 1.5 s)", await median(() => emitSvgDiagrams(model), 1), reference);
console.log(`peak memory: ${peakMemoryMb()} MB`);
