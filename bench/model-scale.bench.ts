/** Issue 2's budget: load + check + docs of a 1,000-service × 3-environment model. */
import { parse } from "yaml";
import { budgetDiagnostics } from "../src/analyze/budgets.js";
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
row("check (budgets)", await median(() => model.environments.flatMap(budgetDiagnostics)), reference);
console.log(`peak memory: ${peakMemoryMb()} MB`);
