/**
 * What is wrong with a set of manifests, by the modules that know each fault: what the API server
 * or the runtime refuses and fields of the wrong type or value (reported whatever the rules say),
 * and what the lint rules find (reported at each rule's severity).
 */
import { append } from "../../collections.js";
import type { Diagnostic } from "../../diagnostics.js";
import { apiValidationProblems } from "./api-validation.js";
import { autoscalerBounds } from "./autoscaler-bounds.js";
import { deprecatedServiceAccountFindings } from "./deprecated-service-account.js";
import { evictionPolicyFindings } from "./eviction-policy.js";
import { fieldDiagnostics } from "./field-problems.js";
import { governingServiceFindings } from "./governing-services.js";
import { hardeningFindings } from "./hardening.js";
import { hostPortFindings, replicatedHostPortFindings } from "./host-ports.js";
import { missingObjectFindings } from "./missing-objects.js";
import { mountPathFindings } from "./mount-paths.js";
import { undefinedVolumeMounts } from "./mount-volumes.js";
import { nodePortProblems } from "./node-ports.js";
import { objectNameProblems } from "./object-names.js";
import { autoscalerIndex, type ManifestObject } from "./objects.js";
import { overlappingBudgetFindings } from "./overlapping-budgets.js";
import { ownSelectorFindings } from "./own-selector.js";
import type { PodLabelIndex } from "./pod-label-index.js";
import { policyTargetFindings } from "./policy-targets.js";
import { portNameFindings } from "./port-names.js";
import { privilegeEscalationFindings } from "./privilege-escalation.js";
import { probeFindings } from "./probe-findings.js";
import { removedApiFindings } from "./removed-apis.js";
import { secretValueFindings } from "./secret-values.js";
import { selectorTypeDiagnostics } from "./selector-types.js";
import { serviceAccountFindings } from "./service-accounts.js";
import { type ServiceSelection, selectsNothingFindings } from "./service-selection.js";
import { sharedClaimFindings } from "./shared-claims.js";
import { sshHostPortFindings } from "./ssh-host-ports.js";
import { sysctlFindings } from "./sysctls.js";
import { targetPortFindings } from "./target-ports.js";
import { tokenProjectionProblems } from "./token-projections.js";
import { unknownKindProblems } from "./unknown-kinds.js";

/** The manifests, as the import has sorted them. */
export interface ManifestView {
  objects: readonly ManifestObject[];
  workloads: readonly ManifestObject[];
  services: readonly ManifestObject[];
  ofKind: (kind: string) => ManifestObject[];
  namespaceOf: (object: ManifestObject) => string;
  pods: PodLabelIndex;
  selection: ServiceSelection;
  /** The first disruption budget, in their order, that guards each workload's pods. */
  budgetOf: ReadonlyMap<ManifestObject, ManifestObject>;
}

export function manifestProblems(view: ManifestView): {
  diagnostics: Diagnostic[];
  findings: Diagnostic[];
  /** The autoscaler that scales a workload: the first that names it of those whose bounds are taken. */
  autoscalerFor: (workload: ManifestObject) => ManifestObject | undefined;
} {
  const { objects, workloads, services, ofKind, namespaceOf, pods, selection, budgetOf } = view;
  // An autoscaler whose bounds the API server refuses is never made: it is reported, and scales nothing.
  const bounds = autoscalerBounds(ofKind("HorizontalPodAutoscaler"));
  const autoscalerFor = autoscalerIndex(bounds.taken, namespaceOf);
  const nodePorts = nodePortProblems(services);
  const governing = governingServiceFindings(workloads, services, namespaceOf);
  const diagnostics: Diagnostic[] = [];
  // Appended list by list: a hostile file makes any of them long enough to overflow `push(...)`.
  for (const found of [
    apiValidationProblems(workloads, services, ofKind("Ingress"), ofKind("PodDisruptionBudget")),
    bounds.diagnostics,
    objects.flatMap(fieldDiagnostics),
    selectorTypeDiagnostics(objects),
    workloads.flatMap(undefinedVolumeMounts),
    workloads.flatMap(tokenProjectionProblems),
    objectNameProblems(objects),
    unknownKindProblems(objects),
    nodePorts.diagnostics,
    missingObjectFindings(workloads, objects, namespaceOf),
    governing.diagnostics,
  ])
    append(diagnostics, found);
  const findings: Diagnostic[] = [
    ...removedApiFindings(objects),
    ...hostPortFindings(workloads),
    ...replicatedHostPortFindings(workloads, autoscalerFor),
    ...sshHostPortFindings(workloads),
    ...mountPathFindings(workloads),
    ...sharedClaimFindings(workloads, objects, namespaceOf, autoscalerFor),
    ...nodePorts.findings,
    ...governing.findings,
    ...serviceAccountFindings(workloads, objects, namespaceOf),
    ...deprecatedServiceAccountFindings(workloads),
    ...privilegeEscalationFindings(workloads),
    ...evictionPolicyFindings(objects),
    ...overlappingBudgetFindings(ofKind("PodDisruptionBudget"), budgetOf, pods, namespaceOf),
    ...hardeningFindings(workloads),
    ...probeFindings(workloads),
    ...policyTargetFindings(objects, workloads, namespaceOf, pods),
    ...portNameFindings([...workloads, ...services]),
    ...sysctlFindings(workloads),
    ...ownSelectorFindings(workloads),
    ...targetPortFindings(selection.selected),
    ...selectsNothingFindings(services, selection, pods, namespaceOf),
    ...secretValueFindings(ofKind("Secret")),
  ];
  return { diagnostics, findings, autoscalerFor };
}
