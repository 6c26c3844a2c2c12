/** Every lint rule, in catalogue order. A rule is a file named by its id; this list is the registry. */

import { autoscalerTargetsNothing } from "./autoscaler-targets-nothing.js";
import { bindMountInCluster } from "./bind-mount-in-cluster.js";
import { buildAndImage } from "./build-and-image.js";
import { claimSharedByReplicas } from "./claim-shared-by-replicas.js";
import { composeObsoleteVersion } from "./compose-obsolete-version.js";
import { containerNameConflict } from "./container-name-conflict.js";
import { containerVariableFromHost } from "./container-variable-from-host.js";
import { cpuOverCapacity } from "./cpu-over-capacity.js";
import { dangerousCapability } from "./dangerous-capability.js";
import { dependencyCycle } from "./dependency-cycle.js";
import { dependencyOutsideProfile } from "./dependency-outside-profile.js";
import { deprecatedServiceAccountField } from "./deprecated-service-account-field.js";
import { disruptionBudgetBlocksEviction } from "./disruption-budget-blocks-eviction.js";
import { disruptionBudgetSelectsNothing } from "./disruption-budget-selects-nothing.js";
import { disruptionBudgetWithoutEvictionPolicy } from "./disruption-budget-without-eviction-policy.js";
import { disruptionBudgetsOverlap } from "./disruption-budgets-overlap.js";
import { dockerSocketMounted } from "./docker-socket-mounted.js";
import { duplicateMountPath } from "./duplicate-mount-path.js";
import { duplicateNames } from "./duplicate-names.js";
import { duplicateVariable } from "./duplicate-variable.js";
import { exposedDatastore } from "./exposed-datastore.js";
import { governingServiceNotHeadless } from "./governing-service-not-headless.js";
import { healthPortUndeclared } from "./health-port-undeclared.js";
import { hostNamespace } from "./host-namespace.js";
import { hostPortConflict } from "./host-port-conflict.js";
import { hostVariableInCluster } from "./host-variable-in-cluster.js";
import { hpaWithoutCpuRequest } from "./hpa-without-cpu-request.js";
import { imageLatestTag } from "./image-latest-tag.js";
import { includeConflict } from "./include-conflict.js";
import { ingressWithoutTls } from "./ingress-without-tls.js";
import { invalidImageName } from "./invalid-image-name.js";
import { invalidPortName } from "./invalid-port-name.js";
import { memoryOverBudget } from "./memory-over-budget.js";
import { memoryOverCapacity } from "./memory-over-capacity.js";
import { missingHealthCheck } from "./missing-health-check.js";
import { missingPath } from "./missing-path.js";
import { netRawNotDropped } from "./net-raw-not-dropped.js";
import { networkPolicySelectsNothing } from "./network-policy-selects-nothing.js";
import { noImage } from "./no-image.js";
import { noResourceLimits } from "./no-resource-limits.js";
import { plaintextSecret } from "./plaintext-secret.js";
import { portOnAllInterfaces } from "./port-on-all-interfaces.js";
import { privilegeEscalationAllowed } from "./privilege-escalation-allowed.js";
import { privilegedContainer } from "./privileged-container.js";
import { productionWithoutGate } from "./production-without-gate.js";
import { removedApiVersion } from "./removed-api-version.js";
import { replicasWithFixedHostPort } from "./replicas-with-fixed-host-port.js";
import { replicasWithoutDisruptionBudget } from "./replicas-without-disruption-budget.js";
import { replicasWithoutSpreading } from "./replicas-without-spreading.js";
import { routePortUndeclared } from "./route-port-undeclared.js";
import type { Rule } from "./rule.js";
import { runsAsRoot } from "./runs-as-root.js";
import { secretInCommand } from "./secret-in-command.js";
import { secretWithoutSource } from "./secret-without-source.js";
import { sensitiveHostMount } from "./sensitive-host-mount.js";
import { serviceDeployedNowhere } from "./service-deployed-nowhere.js";
import { serviceSelectsNothing } from "./service-selects-nothing.js";
import { serviceTargetPortUnknown } from "./service-target-port-unknown.js";
import { singleReplicaInProduction } from "./single-replica-in-production.js";
import { sshPortExposed } from "./ssh-port-exposed.js";
import { startsBeforeHealthy } from "./starts-before-healthy.js";
import { statefulWithoutVolume } from "./stateful-without-volume.js";
import { unconfinedProfile } from "./unconfined-profile.js";
import { undocumentedVariable } from "./undocumented-variable.js";
import { unknownServiceAccount } from "./unknown-service-account.js";
import { unsafeSysctl } from "./unsafe-sysctl.js";
import { usePortUndeclared } from "./use-port-undeclared.js";
import { usedServiceNotDeployed } from "./used-service-not-deployed.js";
import { volumeWithoutBackup } from "./volume-without-backup.js";
import { waitForServerExit } from "./wait-for-server-exit.js";
import { waitWithoutHealthCheck } from "./wait-without-health-check.js";
import { workloadSelectorMismatch } from "./workload-selector-mismatch.js";
import { writableRootFilesystem } from "./writable-root-filesystem.js";

export const rules: readonly Rule[] = [
  autoscalerTargetsNothing,
  bindMountInCluster,
  buildAndImage,
  claimSharedByReplicas,
  composeObsoleteVersion,
  containerNameConflict,
  containerVariableFromHost,
  cpuOverCapacity,
  dangerousCapability,
  dependencyCycle,
  dependencyOutsideProfile,
  deprecatedServiceAccountField,
  disruptionBudgetBlocksEviction,
  disruptionBudgetSelectsNothing,
  disruptionBudgetWithoutEvictionPolicy,
  disruptionBudgetsOverlap,
  dockerSocketMounted,
  duplicateMountPath,
  duplicateNames,
  duplicateVariable,
  exposedDatastore,
  governingServiceNotHeadless,
  healthPortUndeclared,
  hostNamespace,
  hostVariableInCluster,
  hostPortConflict,
  hpaWithoutCpuRequest,
  imageLatestTag,
  includeConflict,
  ingressWithoutTls,
  invalidImageName,
  invalidPortName,
  memoryOverBudget,
  memoryOverCapacity,
  missingHealthCheck,
  missingPath,
  netRawNotDropped,
  networkPolicySelectsNothing,
  noImage,
  noResourceLimits,
  plaintextSecret,
  portOnAllInterfaces,
  privilegeEscalationAllowed,
  privilegedContainer,
  productionWithoutGate,
  removedApiVersion,
  replicasWithFixedHostPort,
  replicasWithoutDisruptionBudget,
  replicasWithoutSpreading,
  routePortUndeclared,
  runsAsRoot,
  secretWithoutSource,
  secretInCommand,
  sensitiveHostMount,
  serviceDeployedNowhere,
  serviceSelectsNothing,
  serviceTargetPortUnknown,
  singleReplicaInProduction,
  sshPortExposed,
  startsBeforeHealthy,
  statefulWithoutVolume,
  unconfinedProfile,
  undocumentedVariable,
  unknownServiceAccount,
  unsafeSysctl,
  usePortUndeclared,
  usedServiceNotDeployed,
  volumeWithoutBackup,
  waitForServerExit,
  waitWithoutHealthCheck,
  workloadSelectorMismatch,
  writableRootFilesystem,
];
