/** deployview as a library: load a model, analyse it, emit from it. The CLI is a thin layer over this. */
export { budgetDiagnostics, type NodeBudget, nodeBudget, nodeBudgets } from "./analyze/budgets.js";
export { type StartupOrder, startupOrder } from "./analyze/startup-order.js";
export type { Diagnostic, Severity, SourceRange } from "./diagnostics.js";
export { type LoadResult, loadModelFile, loadModelText } from "./load/index.js";
export { modelJsonSchema } from "./model/json-schema.js";
export { resolveModel } from "./model/resolve/index.js";
export type { ModelInputType } from "./model/schema.js";
export type * from "./model/types.js";
export { formatDiagnostics } from "./report/index.js";
