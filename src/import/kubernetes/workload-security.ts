/**
 * How a workload's first container is confined, as the model's security: the user it runs as,
 * whether it must not be root, a read-only root, privileged mode, capabilities added and dropped,
 * and the seccomp or AppArmor profiles turned off, for the container or for its whole pod; and the
 * host namespaces the pod shares.
 */
import type { KeyPath } from "../../load/yaml-file.js";
import type { ServiceInputType } from "../../model/schema.js";
import { asText } from "../json.js";
import { addedCapabilities, asArray, asObject, isObject, type Json, PROFILE_FIELDS } from "./objects.js";

type Note = (modelPath: KeyPath, manifestPath: KeyPath) => void;

export function workloadSecurity(
  pod: Json,
  podPath: KeyPath,
  container: Json,
  containerPath: KeyPath,
  servicePath: KeyPath,
  note: Note,
): ServiceInputType["security"] {
  const podSecurity = asObject(pod.securityContext);
  const containerSecurity = asObject(container.securityContext);
  const runAsUser = containerSecurity.runAsUser ?? podSecurity.runAsUser;
  const runAsNonRoot = containerSecurity.runAsNonRoot ?? podSecurity.runAsNonRoot;
  const capabilities = addedCapabilities(containerSecurity);
  const dropped = asArray(asObject(containerSecurity.capabilities).drop).map(asText);
  // A profile turned off in the container, or for the whole pod where the container says nothing.
  const unconfined = PROFILE_FIELDS.flatMap(([profile, field, off]) => {
    const own = asObject(containerSecurity[field]).type;
    const type = own ?? asObject(podSecurity[field]).type;
    if (type !== off) return [];
    const at =
      own === undefined
        ? [...podPath, "securityContext", field]
        : [...containerPath, "securityContext", field];
    return [{ profile, at }];
  });
  const security = {
    ...(typeof runAsNonRoot === "boolean" ? { "run-as-non-root": runAsNonRoot } : {}),
    ...(typeof runAsUser === "number" ? { user: runAsUser } : {}),
    ...(typeof containerSecurity.readOnlyRootFilesystem === "boolean"
      ? { "read-only-root": containerSecurity.readOnlyRootFilesystem }
      : {}),
    ...(containerSecurity.privileged === true ? { privileged: true } : {}),
    ...(capabilities.length > 0 ? { capabilities } : {}),
    ...(dropped.length > 0 ? { drop: dropped } : {}),
    ...(unconfined.length > 0 ? { unconfined: unconfined.map((u) => u.profile) } : {}),
  };
  for (const [index, { at }] of unconfined.entries())
    note([...servicePath, "security", "unconfined", index], at);
  const capabilitiesPath = [...containerPath, "securityContext", "capabilities"];
  for (const index of capabilities.keys())
    note([...servicePath, "security", "capabilities", index], [...capabilitiesPath, "add", index]);
  for (const index of dropped.keys())
    note([...servicePath, "security", "drop", index], [...capabilitiesPath, "drop", index]);
  if (Object.keys(security).length === 0) return undefined;
  note(
    [...servicePath, "security"],
    isObject(container.securityContext)
      ? [...containerPath, "securityContext"]
      : [...podPath, "securityContext"],
  );
  // Each setting where it is written, the container's own or the pod's: a finding about root
  // points at runAsUser, not at the securityContext that holds it.
  for (const [field, written] of [
    ["user", "runAsUser"],
    ["run-as-non-root", "runAsNonRoot"],
    ["privileged", "privileged"],
    ["read-only-root", "readOnlyRootFilesystem"],
  ] as const) {
    if (!(field in security)) continue;
    const own = containerSecurity[written] !== undefined;
    note(
      [...servicePath, "security", field],
      [...(own ? containerPath : podPath), "securityContext", written],
    );
  }
  return security;
}

/** The host's network, process and IPC namespaces, where the pod shares them. */
export function hostNamespaces(
  pod: Json,
  podPath: KeyPath,
  servicePath: KeyPath,
  note: Note,
): Pick<ServiceInputType, "network-mode" | "pid" | "ipc"> {
  const shared: Pick<ServiceInputType, "network-mode" | "pid" | "ipc"> = {};
  for (const [field, podField] of [
    ["network-mode", "hostNetwork"],
    ["pid", "hostPID"],
    ["ipc", "hostIPC"],
  ] as const)
    if (pod[podField] === true) {
      shared[field] = "host";
      note([...servicePath, field], [...podPath, podField]);
    }
  return shared;
}
