/** One section per environment: diagrams first, then every table the model has data for. */
import type { Environment, Model } from "../../model/types.js";
import { asciiDiagram } from "../diagram/ascii/environment.js";
import { mermaidFlowchart } from "../diagram/mermaid/flowchart.js";
import { bullets, fenced, numbered, table } from "../markdown/blocks.js";
import { cell, code, text } from "../markdown/escape.js";
import {
  budgetTables,
  environmentVariables,
  healthChecks,
  infrastructureTable,
  kubernetesResources,
  linksTable,
  mappingTable,
  nodeProperties,
  persistence,
  publishedPorts,
  routesTable,
} from "./environment-tables.js";
import { blocks, section } from "./section.js";
import { startupSection } from "./startup.js";

export interface EnvironmentSectionOptions {
  asciiWidth: number;
  /** Relative path of an SVG diagram of this environment, shown above the text diagrams. */
  image?: string;
}

export function environmentSection(
  model: Model,
  environment: Environment,
  number: string,
  options: EnvironmentSectionOptions,
): string | undefined {
  const sub = (title: string, ...body: (string | undefined | false)[]) => section(`### ${title}`, ...body);
  const groups = new Map(model.groups.map((g) => [g.id, g.name]));
  const ascii = asciiDiagram(environment, { width: options.asciiWidth, groups });
  const procedures = environment.procedures.map((p) =>
    section(
      `#### ${text(p.title)}`,
      numbered(p.steps.map(text)),
      p.notes.length > 0 && bullets(p.notes.map(text)),
    ),
  );
  return section(
    `## ${number} ${text(environment.name)} Environment (${text(environment.technology)})`,
    environment.status === "planned" && "> **Planned:** this environment is a target, not yet live.",
    blocks(
      environment.purpose && `**Purpose:** ${text(environment.purpose)}`,
      `**Platform:** ${text(environment.technology)}; **access:** ${text(environment.access.description)}.`,
      environment.description && text(environment.description),
    ),
    sub(
      "Infrastructure Diagram",
      options.image && `![${text(environment.name)} deployment diagram](${options.image})`,
      ascii && fenced("text", ascii),
      environment.instances.length > 0 && fenced("mermaid", mermaidFlowchart(model, environment.id)),
    ),
    sub("Mapping of Building Blocks to Infrastructure", mappingTable(environment)),
    sub("Memory Budget", ...budgetTables(environment)),
    sub("Kubernetes Resources", kubernetesResources(environment)),
    sub("Infrastructure Configuration", infrastructureTable(environment)),
    sub("Published Ports", publishedPorts(environment)),
    sub("Routes", routesTable(environment)),
    sub("Persistence", persistence(environment)),
    sub("Health Checks", healthChecks(environment)),
    sub("Environment Variables", ...environmentVariables(environment)),
    sub("Startup Order", startupSection(environment)),
    sub("Replication and Sync", linksTable(environment)),
    sub("Node Properties", ...nodeProperties(environment)),
    sub("Procedures", ...procedures),
    sub(
      "Key Files",
      environment.keyFiles.length > 0 &&
        table(
          ["File", "Purpose"],
          environment.keyFiles.map((f) => [code(f.path), cell(f.purpose)]),
        ),
    ),
    sub("Notes", environment.notes.length > 0 && bullets(environment.notes.map(text))),
  );
}
