/**
 * The containers beside a workload's first (sidecars) and its init containers are no services of
 * the model, but what makes a container risky is as true of them: found here, where they are
 * written, and reported by the rules (so their severity and suppressions apply).
 */
import { type Diagnostic, type DiagnosticCode, diagnostic } from "../../diagnostics.js";
import type { KeyPath } from "../../load/yaml-file.js";
import {
  confinementName,
  dangerousCapability,
  dockerSocketFolder,
  imageNameProblem,
  isRootUser,
  runtimeSocket,
  SOCKET_FOLDER_HINT,
  secretWord,
  sensitiveHostPath,
  socketFolderMessage,
  unpinnedImage,
} from "../../model/container-risks.js";
import { secretLike } from "../../model/secret-like.js";
import { asText } from "../json.js";
import {
  addedCapabilities,
  asArray,
  asObject,
  isObject,
  type Json,
  type ManifestObject,
  PROFILE_FIELDS,
  podContainers,
  podSpecOf,
} from "./objects.js";
import { locateIn } from "./patch-origin.js";
import { refusedAsRoot } from "./root-user-refused.js";

/** `built`: images a build makes (Skaffold's artifacts), which are not pulled, so not judged as pulled. */
export function extraContainerFindings(
  object: ManifestObject,
  service: string,
  built?: ReadonlyMap<string, unknown>,
): Diagnostic[] {
  const { spec: pod } = podSpecOf(object);
  const volumes = new Map(
    asArray(pod.volumes)
      .filter(isObject)
      .map((volume) => [asText(volume.name), volume]),
  );
  const found: Diagnostic[] = [];
  for (const { container, first, path, who } of podContainers(object, service)) {
    if (first) continue;
    const report = (code: DiagnosticCode, message: string, steps: KeyPath, hint?: string) =>
      found.push(
        diagnostic(
          code,
          "warning",
          message,
          locateIn(object, [...path, ...steps], "value"),
          hint ? { hint } : {},
        ),
      );
    risks(container, volumes, who, report, built, refusedAsRoot(container, asObject(pod.securityContext)));
  }
  const inherited = inheritedRootUser(object, service);
  if (inherited) found.push(inherited);
  for (const { container, path, who } of unstatedUsers(object, service))
    found.push(
      diagnostic(
        "runs-as-root",
        "warning",
        `${who} may run as root: neither it nor its pod sets runAsNonRoot: true or a runAsUser above 0`,
        locateIn(
          object,
          [...path, container.securityContext === undefined ? "name" : "securityContext"],
          "value",
        ),
        { hint: "set runAsNonRoot: true and a runAsUser above 0" },
      ),
    );
  return found;
}

/**
 * The sidecars and init containers that run as their image's user, root for most images, as neither
 * they nor their pod require another: where the first container is held to a user of its own, so
 * that no finding of the model's speaks for the pod. A user of 0 is root, found elsewhere.
 */
function unstatedUsers(object: ManifestObject, service: string): ReturnType<typeof podContainers> {
  const pod = asObject(podSpecOf(object).spec.securityContext);
  const stated = (container: Json): "user" | "non-root" | undefined => {
    const own = asObject(container.securityContext);
    if (typeof (own.runAsUser ?? pod.runAsUser) === "number") return "user";
    return (own.runAsNonRoot ?? pod.runAsNonRoot) === true ? "non-root" : undefined;
  };
  const containers = podContainers(object, service);
  const held = (container: Json) => {
    const user = asObject(container.securityContext).runAsUser ?? pod.runAsUser;
    return stated(container) === "non-root" || (typeof user === "number" && !isRootUser(user));
  };
  if (!containers.some(({ first, container }) => first && held(container))) return [];
  return containers.filter(({ first, container }) => !first && stated(container) === undefined);
}

/**
 * The pod's root user as a sidecar's or init container's finding, once, at the pod: where the first
 * container runs as a user of its own, no finding of the model's says the pod's user is root, yet
 * every container that sets none runs as it.
 */
function inheritedRootUser(object: ManifestObject, service: string): Diagnostic | undefined {
  const { spec: pod, path: podPath } = podSpecOf(object);
  const podUser = asObject(pod.securityContext).runAsUser;
  if (typeof podUser !== "number" || !isRootUser(podUser)) return undefined;
  const ownUser = (container: Json) => typeof asObject(container.securityContext).runAsUser === "number";
  const containers = podContainers(object, service);
  if (!containers.some(({ first, container }) => first && ownUser(container))) return undefined;
  const heir = containers.find(({ first, container }) => !first && !ownUser(container));
  if (!heir || refusedAsRoot(heir.container, asObject(pod.securityContext))) return undefined;
  return diagnostic(
    "runs-as-root",
    "warning",
    `${heir.who} runs as root: it sets no user, and its pod's runAsUser is 0`,
    locateIn(object, [...object.base, ...podPath, "securityContext", "runAsUser"], "value"),
    { hint: "set runAsNonRoot: true and a runAsUser above 0" },
  );
}

function risks(
  container: Json,
  volumes: ReadonlyMap<string, Json>,
  who: string,
  // Without a hint of its own, a finding takes its rule's.
  report: (code: DiagnosticCode, message: string, steps: KeyPath, hint?: string) => void,
  built?: ReadonlyMap<string, unknown>,
  // A container the kubelet refuses for its user 0 is reported as refused, never started as root.
  refused = false,
): void {
  const image = container.image;
  if (typeof image === "string" && unpinnedImage(image) && !built?.has(image))
    report("image-latest-tag", `${who} runs ${image}, which is not pinned to a version`, ["image"]);
  const problem = typeof image === "string" ? imageNameProblem(image) : undefined;
  if (problem)
    report("invalid-image-name", `the image ${image} of ${who} is not one Docker accepts: ${problem}`, [
      "image",
    ]);
  // Said to be in the arguments where args passes it, as the first container's is (secret-in-command).
  const command = asArray(container.command).map(asText);
  const word = secretWord([...command, ...asArray(container.args).map(asText)]);
  if (word !== undefined)
    report(
      "secret-in-command",
      word < command.length
        ? `the command of ${who} passes a secret on the command line`
        : `the arguments of ${who} pass a secret on the command line`,
      word < command.length ? ["command", word] : ["args", word - command.length],
    );
  asArray(container.ports).forEach((port, index) => {
    // SSH runs over TCP, the protocol a port left unsaid has.
    if (isObject(port) && port.containerPort === 22 && (port.protocol ?? "TCP") === "TCP")
      report("ssh-port-exposed", `${who} opens port 22, the port of SSH`, ["ports", index, "containerPort"]);
  });
  const security = asObject(container.securityContext);
  if (security.privileged === true)
    report("privileged-container", `${who} runs privileged`, ["securityContext", "privileged"]);
  // A user set for the whole pod is the first container's finding, at the pod.
  if (typeof security.runAsUser === "number" && isRootUser(security.runAsUser) && !refused)
    report(
      "runs-as-root",
      `${who} runs as root`,
      ["securityContext", "runAsUser"],
      "set runAsNonRoot: true and a runAsUser above 0",
    );
  for (const [profile, field, off] of PROFILE_FIELDS) {
    if (asObject(security[field]).type === off)
      report("unconfined-profile", `${who} runs without ${confinementName(profile)}`, [
        "securityContext",
        field,
      ]);
  }
  addedCapabilities(security).forEach((capability, index) => {
    const name = dangerousCapability(capability);
    if (name)
      report("dangerous-capability", `${who} adds the capability ${name}`, [
        "securityContext",
        "capabilities",
        "add",
        index,
      ]);
  });
  asArray(container.volumeMounts).forEach((mount, index) => {
    if (!isObject(mount)) return;
    const hostPath = asText(asObject(volumes.get(asText(mount.name))?.hostPath).path ?? "");
    const runtime = runtimeSocket(asText(mount.mountPath ?? "")) ?? runtimeSocket(hostPath);
    const socketFolder = dockerSocketFolder(hostPath);
    if (runtime)
      report("docker-socket-mounted", `${who} mounts the ${runtime} socket`, ["volumeMounts", index]);
    else if (socketFolder)
      report(
        "docker-socket-mounted",
        socketFolderMessage(who, socketFolder),
        ["volumeMounts", index],
        SOCKET_FOLDER_HINT,
      );
    const folder = sensitiveHostPath(hostPath);
    if (folder)
      report(
        "sensitive-host-mount",
        `${who} mounts the host's ${folder === "/" ? "root folder /" : folder}${mount.readOnly === true ? " (read-only)" : ""}`,
        ["volumeMounts", index],
      );
  });
  asArray(container.env).forEach((variable, index) => {
    if (!isObject(variable) || typeof variable.name !== "string" || typeof variable.value !== "string")
      return;
    const reason = variable.value === "" ? undefined : secretLike(variable.name, variable.value);
    if (reason)
      report(
        "plaintext-secret",
        `'${variable.name}' of ${who} ${reason} in plain text`,
        ["env", index, "value"],
        "take it from a Secret: valueFrom: { secretKeyRef: … }",
      );
  });
}
