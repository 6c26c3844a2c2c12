import type { CommandTable } from "./command.js";

/** Every command of the CLI, each loaded only when it runs. */
export const commands: CommandTable = {
  check: {
    summary: "Lint models, compose files, manifests or repositories",
    load: () => import("./check.js"),
  },
  docs: { summary: "Write the arc42 §7 deployment document", load: () => import("./docs.js") },
  compose: {
    summary: "Write compose.yaml and .env.example for an environment",
    load: () => import("./compose.js"),
  },
  k8s: {
    summary: "Write Kubernetes manifests and kustomization.yaml for an environment",
    load: () => import("./k8s.js"),
  },
  build: {
    summary: "Write every output the model's outputs section names",
    load: () => import("./build.js"),
  },
  diagram: {
    summary: "Print one environment's diagram (SVG, ASCII, Mermaid, C4, Structurizr, LikeC4, D2, PlantUML)",
    load: () => import("./diagram.js"),
  },
  drift: {
    summary: "Report configuration and generated files that no longer match the model",
    load: () => import("./drift.js"),
  },
  init: {
    summary: "Write a first deployview.yaml from a repository's compose files, manifests and code",
    load: () => import("./init.js"),
  },
  rules: { summary: "List the lint rules", load: () => import("./rules.js") },
  schema: { summary: "Print the model's JSON Schema", load: () => import("./schema.js") },
  serve: {
    summary: "Show the diagrams, details and findings in a local page that follows the model",
    load: () => import("./serve.js"),
  },
};
