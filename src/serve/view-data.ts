/** Builds what the viewer shows from a loaded model: diagrams, details, placement and findings. */
import { relative } from "node:path";
import { nodeBudgets } from "../analyze/budgets.js";
import { checkLoadedModel } from "../check/index.js";
import { append } from "../collections.js";
import { type Diagnostic, type SourceRange, sortDiagnostics } from "../diagnostics.js";
import { layoutEnvironment } from "../emit/diagram/layout/index.js";
import { renderSvgTree } from "../emit/diagram/svg/index.js";
import type { LoadResult } from "../load/index.js";
import type { Environment, Model } from "../model/types.js";
import { formatDiagnostics } from "../report/index.js";
import { toJsonDiagnostics } from "../report/json.js";
import { instanceDetails, nodeDetails } from "./element-details.js";
import type { EnvironmentView, Finding, PlacementRow, ViewData } from "./view-types.js";

interface Span {
  ref: string;
  file: string;
  start: number;
  end: number;
}

/** A range's fields, copied one by one: a model's ranges are found lazily, and spreading one copies nothing. */
function span(ref: string, at: SourceRange): Span {
  return { ref, file: at.file, start: at.start, end: at.end };
}

/** Every element of an environment with the source range it came from; services stand for their instances. */
function spans(model: Model, environment: Environment): Span[] {
  return [
    ...environment.allNodes.map((n) => span(`node:${n.id}`, n.at)),
    ...environment.instances.map((i) => span(`instance:${i.id}`, i.at)),
    ...model.services.flatMap((s) =>
      environment.instances.filter((i) => i.service.id === s.id).map((i) => span(`instance:${i.id}`, s.at)),
    ),
  ];
}

/** The elements a finding points at: those whose range is the smallest that holds the finding's start. */
function elementsOf(diagnostic: Diagnostic, all: Span[]): string[] {
  if (diagnostic.start === undefined || !diagnostic.file) return [];
  const holding = all.filter(
    (s) =>
      s.file === diagnostic.file &&
      s.start <= diagnostic.start! &&
      diagnostic.start! <= Math.max(s.end, s.start),
  );
  if (holding.length === 0) return [];
  const smallest = Math.min(...holding.map((s) => s.end - s.start));
  return [...new Set(holding.filter((s) => s.end - s.start === smallest).map((s) => s.ref))].sort();
}

async function environmentView(model: Model, environment: Environment): Promise<EnvironmentView> {
  const layout = await layoutEnvironment(model, environment.id);
  const budgets = new Map(nodeBudgets(environment).map((b) => [b.node.id, b]));
  const elements: EnvironmentView["elements"] = {};
  for (const instance of environment.instances)
    elements[`instance:${instance.id}`] = instanceDetails(instance, environment);
  for (const node of environment.allNodes)
    elements[`node:${node.id}`] = nodeDetails(node, budgets.get(node.id));
  const summary = [
    environment.purpose,
    `${environment.platform}${environment.distribution ? ` (${environment.distribution})` : ""}`,
    `access: ${environment.access.description}`,
    environment.status === "planned" ? "planned" : undefined,
  ]
    .filter(Boolean)
    .join(" · ");
  return { id: environment.id, name: environment.name, summary, diagram: renderSvgTree(layout), elements };
}

function placement(model: Model): PlacementRow[] {
  return model.services.map((service) => {
    const cells: Record<string, string> = {};
    for (const environment of model.environments) {
      const placed = environment.instances.filter((i) => i.service.id === service.id);
      cells[environment.id] = placed
        .map((i) => {
          const node = environment.allNodes.find((n) => n.id === i.node)?.name ?? i.node;
          const count =
            i.replicas.max > 1
              ? ` ×${i.replicas.autoscale && i.replicas.min !== i.replicas.max ? `${i.replicas.min}–${i.replicas.max}` : i.replicas.max}`
              : "";
          return `${i.name === service.name ? "" : `${i.name} `}on ${node}${count}`;
        })
        .join("; ");
    }
    return { service: service.id, name: service.name, cells };
  });
}

/** Findings the viewer lists: the same as `deployview check` reports, the loader's and the lint rules'. */
export function modelFindings(loaded: LoadResult): Diagnostic[] {
  const found = [...loaded.diagnostics];
  if (loaded.model) append(found, checkLoadedModel(loaded.model, loaded).findings);
  return sortDiagnostics(found);
}

/**
 * The view of a freshly loaded model. When the model is broken, the previous view is kept and
 * an error is added, so the page can show it over the last good diagrams.
 */
export async function buildViewData(
  loaded: LoadResult,
  cwd: string,
  version: number,
  previous: ViewData | undefined,
): Promise<ViewData> {
  const findings = modelFindings(loaded);
  if (!loaded.model) {
    const text = formatDiagnostics(findings, loaded.sources, "text", { color: false, cwd });
    const error = { text, count: findings.filter((d) => d.severity === "error").length };
    if (previous) return { ...previous, version, error };
    return { version, title: "deployview", file: "", environments: [], placement: [], findings: [], error };
  }
  const model = loaded.model;
  const environments = await Promise.all(model.environments.map((e) => environmentView(model, e)));
  const allSpans = new Map(model.environments.map((e) => [e.id, spans(model, e)]));
  const json = toJsonDiagnostics(findings, loaded.sources, cwd);
  const listed: Finding[] = json.map((d, index) => {
    const elements: Record<string, string[]> = {};
    for (const [environmentId, envSpans] of allSpans) {
      const refs = elementsOf(findings[index]!, envSpans);
      if (refs.length > 0) elements[environmentId] = refs;
    }
    return { ...d, elements };
  });
  return {
    version,
    title: model.system.name,
    file: relative(cwd, model.file) || model.file,
    environments,
    placement: placement(model),
    findings: listed,
  };
}
