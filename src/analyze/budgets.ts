/**
 * Memory and CPU per node: the instances it runs (its own and those of nodes nested in it),
 * replicas counted, summed as request..limit and held against the node's budget and capacity.
 */

import { inWords } from "../collections.js";
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { formatAmount, usesBinaryUnits } from "../model/quantity.js";
import type { Amount, DeploymentNode, Environment, Instance } from "../model/types.js";

export interface BudgetEntry {
  instance: Instance;
  /** Per replica. */
  memory?: Amount;
  cpu?: Amount;
  replicas: { min: number; max: number };
}

export interface Total {
  request: number;
  limit: number;
  approximate: boolean;
  /** Instances with no figure, so the total is a lower bound. */
  unknown: Instance[];
}

export type Verdict = "within" | "may-exceed" | "over";

export interface NodeBudget {
  node: DeploymentNode;
  entries: BudgetEntry[];
  memory: Total;
  cpu: Total;
  /** CPU requested: by the fewest replicas, and by the most an autoscaler may run. */
  cpuRequested: Total;
  budget: { memory?: Amount; cpu?: Amount };
  capacity: { memory?: Amount; cpu?: Amount };
  /** Whether totals should be shown in binary units, as the user wrote them. */
  binary: boolean;
  verdict: { memoryBudget?: Verdict; memoryCapacity?: Verdict; cpuCapacity?: Verdict };
}

function instancesUnder(node: DeploymentNode): Instance[] {
  return [...node.instances, ...node.nodes.flatMap(instancesUnder)];
}

/** What an entry's replicas take together: the fewest at the request, the most at the limit. */
function shareOf(
  entry: BudgetEntry,
  amount: Amount,
): { request: number; limit: number; approximate: boolean } {
  return {
    request: amount.request * entry.replicas.min,
    limit: amount.limit * entry.replicas.max,
    approximate: amount.approximate,
  };
}

function total(entries: BudgetEntry[], pick: (e: BudgetEntry) => Amount | undefined): Total {
  const sum: Total = { request: 0, limit: 0, approximate: false, unknown: [] };
  for (const entry of entries) {
    const amount = pick(entry);
    if (!amount) {
      sum.unknown.push(entry.instance);
      continue;
    }
    const share = shareOf(entry, amount);
    sum.request += share.request;
    sum.limit += share.limit;
    sum.approximate ||= amount.approximate;
  }
  return sum;
}

/** What one replica of an entry takes, for each total. */
const perReplica = {
  memory: (e: BudgetEntry) => e.memory,
  cpu: (e: BudgetEntry) => e.cpu,
  // Requests alone, as the node's CPU is judged by them.
  cpuRequested: (e: BudgetEntry) => e.cpu && { ...e.cpu, limit: e.cpu.request },
};

/** Over when even the low end exceeds; may exceed when only the high end does. */
function judge(sum: Total, against: Amount | undefined): Verdict | undefined {
  if (!against || (sum.request === 0 && sum.limit === 0)) return undefined;
  if (sum.request > against.limit) return "over";
  if (sum.limit > against.limit) return "may-exceed";
  return "within";
}

export function nodeBudget(node: DeploymentNode): NodeBudget {
  const entries: BudgetEntry[] = instancesUnder(node).map((instance) => ({
    instance,
    replicas: { min: instance.replicas.min, max: instance.replicas.max },
    ...(instance.memory ? { memory: instance.memory } : {}),
    ...(instance.cpu ? { cpu: instance.cpu } : {}),
  }));
  const memory = total(entries, perReplica.memory);
  const cpu = total(entries, perReplica.cpu);
  const written = [node.budget.memory, node.capacity.memory, ...entries.map((e) => e.memory)].filter(
    (a): a is Amount => !!a,
  );
  const binaryCount = written.filter(usesBinaryUnits).length;
  const budget = {
    ...(node.budget.memory ? { memory: node.budget.memory } : {}),
    ...(node.budget.cpu ? { cpu: node.budget.cpu } : {}),
  };
  const capacity = {
    ...(node.capacity.memory ? { memory: node.capacity.memory } : {}),
    ...(node.capacity.cpu ? { cpu: node.capacity.cpu } : {}),
  };
  const verdict: NodeBudget["verdict"] = {};
  const memoryBudget = judge(memory, budget.memory);
  if (memoryBudget) verdict.memoryBudget = memoryBudget;
  const memoryCapacity = judge(memory, capacity.memory);
  if (memoryCapacity) verdict.memoryCapacity = memoryCapacity;
  // CPU beyond requests is throttled, not killed: only requests can over-commit a node's CPU, those
  // of the most replicas an autoscaler may run included.
  const cpuRequested = total(entries, perReplica.cpuRequested);
  const cpuCapacity = judge(cpuRequested, capacity.cpu);
  if (cpuCapacity) verdict.cpuCapacity = cpuCapacity;
  const binary = binaryCount * 2 > written.length;
  return { node, entries, memory, cpu, cpuRequested, budget, capacity, binary, verdict };
}

/** Budgets of the nodes that state a budget or capacity and run something. */
export function nodeBudgets(environment: Environment): NodeBudget[] {
  return environment.allNodes
    .filter((node) => node.budget.memory || node.budget.cpu || node.capacity.memory || node.capacity.cpu)
    .map(nodeBudget)
    .filter((budget) => budget.entries.length > 0);
}

function describe(sum: Total, kind: "memory" | "cpu", binary: boolean): string {
  return formatAmount(sum, kind, binary);
}

/** How many instances a finding names before it counts the rest. */
const SHARES_NAMED = 3;

/**
 * "'api' 1.5 GiB (3 replicas), 'db' 1 GiB and 2 more": what each instance adds to the total, the
 * largest first, so the reader knows what to move or shrink. Only for a node that is reported.
 */
function sharesText(
  entries: BudgetEntry[],
  pick: (e: BudgetEntry) => Amount | undefined,
  kind: "memory" | "cpu",
  binary: boolean,
): string {
  const shares = entries.flatMap((entry) => {
    const amount = pick(entry);
    if (!amount) return [];
    const share = shareOf(entry, amount);
    return share.limit > 0 ? [{ entry, share }] : [];
  });
  shares.sort((a, b) => b.share.limit - a.share.limit || b.share.request - a.share.request);
  const texts = shares.slice(0, SHARES_NAMED).map(({ entry, share }) => {
    const { min, max } = entry.replicas;
    const replicas = max > 1 ? ` (${min === max ? min : `${min}–${max}`} replicas)` : "";
    return `'${entry.instance.id}' ${formatAmount(share, kind, binary)}${replicas}`;
  });
  return inWords(texts, shares.length - texts.length);
}

/** Findings for every node over (error) or possibly over (warning) its budget or capacity. */
export function budgetDiagnostics(environment: Environment): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const budget of nodeBudgets(environment)) {
    const { node, verdict, binary } = budget;
    const checks = [
      {
        verdict: verdict.memoryBudget,
        code: "memory-over-budget",
        kind: "memory",
        sum: budget.memory,
        pick: perReplica.memory,
        limit: budget.budget.memory,
        noun: "budget",
      },
      {
        verdict: verdict.memoryCapacity,
        code: "memory-over-capacity",
        kind: "memory",
        sum: budget.memory,
        pick: perReplica.memory,
        limit: budget.capacity.memory,
        noun: "capacity",
      },
      {
        verdict: verdict.cpuCapacity,
        code: "cpu-over-capacity",
        kind: "cpu",
        sum: budget.cpuRequested,
        pick: perReplica.cpuRequested,
        limit: budget.capacity.cpu,
        noun: "capacity",
      },
    ] as const;
    for (const check of checks) {
      if (!check.verdict || check.verdict === "within" || !check.limit) continue;
      // An amount of whole CPUs says so itself (1.5 CPU); millicores (500m) and memory do not.
      const amount = describe(check.sum, check.kind, binary);
      const used = amount.endsWith(" CPU")
        ? amount
        : `${amount} of ${check.kind === "cpu" ? "CPU" : "memory"}`;
      const shares = sharesText(budget.entries, check.pick, check.kind, binary);
      const message =
        check.verdict === "over"
          ? `the instances on '${node.id}' need ${used}, over its ${check.noun} of ${check.limit.text}: ${shares}`
          : `the instances on '${node.id}' may take ${used}, more than its ${check.noun} of ${check.limit.text}: ${shares}`;
      found.push(
        diagnostic(check.code, check.verdict === "over" ? "error" : "warning", message, node.at, {
          hint: `lower the instances' ${check.kind === "cpu" ? "CPU" : "memory"}, move some to another node, or raise the ${check.noun}`,
        }),
      );
    }
  }
  return found;
}
