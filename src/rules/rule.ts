/** What a lint rule is: metadata that documents it, and a check over the resolved model. */
import type { Diagnostic, RelatedLocation, SourceRange } from "../diagnostics.js";
import type { Environment, Model } from "../model/types.js";

export type RuleSeverity = "error" | "warning" | "info";

export interface RuleContext {
  model: Model;
  /** The rule's own severity, before configuration: a finding made below it is reported a step lower. */
  ruleSeverity: RuleSeverity;
  /** File → text of the files the model was read from, where known: to point within a value they write. */
  sources?: ReadonlyMap<string, string>;
  /**
   * Reports a finding at a model element's source range. `lower` reports it one step below the
   * rule's default severity (for findings that matter less where they are, e.g. in development),
   * unless the model or the command line set the rule's severity.
   */
  report(
    at: SourceRange,
    message: string,
    hint?: string,
    options?: { lower?: boolean; related?: RelatedLocation[] },
  ): void;
}

export interface Rule {
  id: string;
  /** Its severity, where it runs. */
  severity: RuleSeverity;
  /**
   * Off unless the model's `lint.rules` or `--rule` turns it on: hardening that most configurations
   * forgo on purpose, which would bury every other finding if it ran everywhere.
   */
  optIn?: true;
  /**
   * Where an opt-in rule runs all the same: on what Kubernetes manifests give, whose own linters
   * (kube-linter, Polaris) ask for this hardening by default, where Compose's do not.
   */
  onByDefaultIn?: "kubernetes";
  /** One line: what it finds. */
  description: string;
  /** Why it matters. */
  why: string;
  /** How to fix it. */
  fix: string;
  /** A model snippet that it flags, and the same snippet fixed. */
  example: { bad: string; good: string };
  check(context: RuleContext): void;
}

/** Whether the rule is off where neither the model nor a flag sets it, for a model read as `readFrom` says. */
export function offByDefault(rule: Rule, readFrom: Model["readFrom"]): boolean {
  return rule.optIn === true && (rule.onByDefaultIn === undefined || rule.onByDefaultIn !== readFrom);
}

/** Environments that are for development only, where convenience beats hardening. */
export function isDevelopment(environment: Environment): boolean {
  // By what the environment is called, not by its purpose: a purpose of production may say
  // "never copied to a local machine", and a word there must not switch off its checks.
  return /\b(dev|development|local|laptop|devcontainer)\b/i.test(`${environment.id} ${environment.name}`);
}

/**
 * " in 'prod'", naming the environment a finding is in where the user named it: a model read from
 * compose files or manifests has one the importer named, which would only puzzle.
 */
export function inNamedEnvironment(model: Model, environment: Environment): string {
  return model.readFrom === undefined ? ` in '${environment.id}'` : "";
}

/** Environments that serve real users: not pre-production nor non-production (pre-prod, non-prod). */
export function isProduction(environment: Environment): boolean {
  return (
    /(?<!\b(?:pre|non)[-_ ]?)\b(prod|production|live)\b/i.test(`${environment.id} ${environment.name}`) &&
    !isDevelopment(environment)
  );
}

export type { Diagnostic };
