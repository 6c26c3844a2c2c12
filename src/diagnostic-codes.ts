/**
 * Every diagnostic code deployview can report, each with a one-line summary.
 * The union is closed: a new code is added here, with its documentation, or it does not exist.
 * Lint rule ids live in the rule registry (`src/rules/`) and are added to this union through `RuleId`.
 */
export const coreDiagnosticCodes = {
  // reading files
  "file-unreadable": "The file could not be read.",
  "file-too-large": "The file is larger than deployview reads (a limit against hostile input).",
  "yaml-syntax": "The file is not well-formed YAML.",
  "yaml-duplicate-key": "A mapping has the same key twice.",
  "yaml-alias-limit": "The document expands YAML aliases beyond the limit (an alias bomb).",
  "yaml-too-deep": "The document nests deeper than deployview reads.",
  "yaml-multiple-documents": "A model file holds more than one YAML document.",
  // the model's shape
  "schema-unknown-key": "A key the model does not know (often a misspelling).",
  "schema-wrong-type": "A value of the wrong type.",
  "schema-missing-key": "A required key is missing.",
  "schema-invalid-value": "A value outside what the field allows.",
  "forbidden-key": "A key such as __proto__ that could tamper with objects.",
  // references and structure
  "unknown-service": "A reference to a service the model does not define.",
  "unknown-instance": "A reference to an instance the environment does not have.",
  "unknown-node": "A reference to a node the environment does not have.",
  "unknown-environment": "A reference to an environment the model does not define.",
  "unknown-port": "A reference to a port the service does not declare.",
  "unknown-group": "A service names a group the model does not define.",
  "unknown-secret": "A reference to a secret the model does not define.",
  "unknown-volume":
    "A reference to a volume the service (or the compose file) does not declare, or to a claim the manifests do not define.",
  "unknown-network": "A compose service joins a network the file does not declare.",
  "unknown-config":
    "A compose service uses a config the file does not declare, or a pod a ConfigMap the manifests do not define.",
  "yaml-alias-cycle": "A YAML alias refers to a collection that contains it, so the value would be infinite.",
  "health-incomplete": "A health check names none of http, tcp or command.",
  "duplicate-instance": "The same instance name is placed twice in one environment.",
  "duplicate-node": "The same node name is used twice in one environment.",
  "node-cycle": "A node is nested inside itself.",
  "invalid-quantity": "A memory, CPU or disk quantity that cannot be read.",
  "invalid-schedule":
    "A CronJob schedule cron cannot read (not five fields, a value out of range, a time zone in it).",
  "invalid-range": "A range whose lower bound is above its upper bound.",
  "dependency-cycle": "Services use each other in a cycle, so no startup order exists.",
  // budgets
  "memory-over-budget": "The memory of the instances on a node exceeds its budget.",
  "memory-over-capacity": "The memory of the instances on a node exceeds its capacity.",
  "cpu-over-capacity": "The CPU of the instances on a node exceeds its capacity.",
  // generating configuration
  "wrong-platform": "The environment runs on another platform than the output asked for.",
  "host-port-conflict": "Two instances publish the same host port on one host.",
  "starts-before-healthy":
    "A service waits only for the start of a dependency that has a health check, not for it to be healthy.",
  "wait-without-health-check": "A service waits for a dependency to be healthy that has no health check.",
  "container-name-conflict":
    "Two containers on one host take the same container name, or replicas share one, so Compose cannot start them.",
  "service-selects-nothing":
    "A Kubernetes Service's selector matches no workload's pods, so it sends traffic nowhere.",
  "disruption-budget-blocks-eviction":
    "A Kubernetes disruption budget lets no pod of its instance be evicted, so a node drain hangs.",
  "invalid-image-name":
    "An image reference Docker refuses (capitals in the repository, a malformed tag or digest).",
  "invalid-port-name": "A container port, or a Service's target port, has a name Kubernetes refuses.",
  "unsafe-sysctl":
    "A Kubernetes pod sets a kernel parameter outside the safe set, which the kubelet refuses.",
  "claim-shared-by-replicas":
    "Several pods of one Kubernetes workload mount one claim that only a single node (or pod) can mount.",
  "wait-for-server-exit":
    "A service waits for a dependency to run to completion, but the dependency runs until it is stopped.",
  "duplicate-mount-path":
    "Two volumes of one container are mounted at the same path, which Docker and Kubernetes refuse.",
  "privilege-escalation-allowed":
    "A Kubernetes container sets allowPrivilegeEscalation: true, so its processes can gain more privileges than their parent.",
  "deprecated-service-account-field":
    "A Kubernetes workload names its ServiceAccount with serviceAccount, the field's name before Kubernetes 1.8.",
  "disruption-budget-without-eviction-policy":
    "A Kubernetes PodDisruptionBudget sets no unhealthyPodEvictionPolicy, so pods that never become ready can stall a node drain.",
  "autoscaler-targets-nothing":
    "A Kubernetes HorizontalPodAutoscaler scales a Deployment or StatefulSet the manifests do not define.",
  "disruption-budget-selects-nothing":
    "A Kubernetes PodDisruptionBudget's selector matches the pods of no workload in the manifests.",
  "writable-root-filesystem": "A container can write to its root file system (off unless turned on).",
  "net-raw-not-dropped": "A container keeps the NET_RAW capability (off unless turned on).",
  "unknown-service-account":
    "A Kubernetes workload runs as a ServiceAccount the manifests do not define in its namespace.",
  "removed-api-version": "A Kubernetes manifest uses an API version that Kubernetes no longer serves.",
  "service-target-port-unknown":
    "A Kubernetes Service's targetPort names a port that no container of the pods it selects names.",
  "workload-selector-mismatch":
    "A Deployment, StatefulSet or DaemonSet whose selector does not match its own pods' labels, which Kubernetes refuses.",
  "dangerous-capability": "A service adds a Linux capability that reaches past its container.",
  "unconfined-profile": "A service turns off its seccomp or AppArmor profile.",
  "stateful-without-volume": "A service that keeps state has no volume, so its data would be lost.",
  "secret-without-source":
    "A secret is referenced but not declared under `secrets`, so nothing says where it comes from.",
  "no-image": "An instance has neither an image nor a build, so nothing can run it.",
  "health-check-not-runnable":
    "A health check needs a program the image may lack; add a command to the health check.",
  "workload-not-supported":
    "The Kubernetes output cannot make this workload from the model (a CronJob needs a schedule the model does not give).",
  "storage-size-assumed": "A persistent volume has no size in the model; its claim asks for 1Gi.",
  "image-from-build":
    "A service is built from source and names no image; kustomization.yaml lists it under images to point at a registry.",
  "autoscale-without-cpu-request":
    "An autoscaled instance has no CPU request, so a CPU-utilisation autoscaler cannot compute its target.",
  "route-without-port": "A route leads to a service with no port, so no Ingress path can reach it.",
  // lint rules (one file each in src/rules/)
  "build-and-image": "A service has both a build and an image.",
  "docker-socket-mounted": "A service mounts the Docker socket.",
  "sensitive-host-mount": "A service mounts a host folder that holds the host's system (/, /etc, /proc, …).",
  "duplicate-names": "Two services, or two nodes of one environment, share a display name.",
  "duplicate-variable":
    "A container's environment list sets the same variable twice; only the last takes effect.",
  "exposed-datastore": "A database, cache or broker port is published beyond localhost outside development.",
  "health-port-undeclared": "A health check is aimed at a port the service does not declare.",
  "host-namespace": "A service shares the host's network, process or IPC namespace.",
  "hpa-without-cpu-request": "An autoscaled instance has no CPU request.",
  "image-latest-tag": "An image that is pulled, not built here, has no tag, or the tag latest.",
  "ingress-without-tls": "A public environment has an ingress or proxy with routes but no TLS configuration.",
  "missing-health-check": "A long-running service has no health check.",
  "no-resource-limits": "An instance in a Kubernetes environment states no memory.",
  "plaintext-secret": "A variable holds what looks like a password, token, key or credentials in plain text.",
  "privileged-container": "A service runs privileged.",
  "ssh-port-exposed": "A service opens port 22, the port of SSH.",
  "production-without-gate": "A production environment has no promotion gate leading to it.",
  "replicas-with-fixed-host-port":
    "A Compose instance runs several replicas but publishes a fixed host port.",
  "replicas-without-disruption-budget":
    "A Kubernetes instance runs several replicas with its disruption budget switched off.",
  "replicas-without-spreading":
    "A Kubernetes instance runs several replicas with nothing keeping them on different nodes.",
  "route-port-undeclared": "A route sends traffic to a port its target does not declare.",
  "runs-as-root": "A service runs as root.",
  "service-deployed-nowhere": "A service is placed in no environment.",
  "single-replica-in-production":
    "A stateless web or API service runs a single replica in a production Kubernetes environment.",
  "undocumented-variable":
    "A compose file uses a variable that the example environment file beside it does not list.",
  "used-service-not-deployed": "An instance needs a service that its environment does not run.",
  "volume-without-backup": "A volume in production says nothing about how it is backed up.",
  "secret-in-command": "A command line passes what looks like a password, token or key.",
  "bind-mount-in-cluster":
    "A service with a bind mount of a project folder runs in a Kubernetes environment, where no such folder is there to bind.",
  "suppression-without-reason":
    "A deployview-disable comment gives no reason after --, so it suppresses nothing.",
  "unknown-rule": "The lint configuration names a rule that does not exist.",
  // importing existing configuration
  "compose-obsolete-version":
    "A compose file has the top-level version key, which the Compose Specification made obsolete.",
  "compose-unset-variable": "A compose file uses a variable that is not set and has no default.",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: Compose's syntax, quoted
  "compose-required-variable": "A compose file requires a variable (${VAR:?…}) that is not set.",
  "compose-extends-invalid":
    "A service extends one that does not exist, cannot be read, or extends it in turn; it is imported without it.",
  "compose-include-invalid":
    "An included compose file cannot be read, includes itself, or defines a service the including file defines too.",
  "compose-unknown-key":
    "A compose file has a key the Compose Specification does not know (often a misspelling), so Compose refuses it.",
  "runtime-refused":
    "A setting the container runtime refuses to make or start a container with: a capability Linux does not have, a kernel parameter of the host's.",
  "compose-conflicting-keys": "A compose service sets keys that Compose or Docker refuse together.",
  "compose-unsupported": "A compose feature deployview does not import; it is left out of the model.",
  "source-manifest-unreadable":
    "A package manifest (package.json, pyproject.toml, …) could not be read; the service's code is described without it.",
  "manifest-not-object": "A manifest document is not a Kubernetes object (no apiVersion, kind or name).",
  "manifest-kind-skipped": "A Kubernetes kind deployview does not import; it is left out of the model.",
  "manifest-invalid":
    "A Kubernetes object the API server refuses though its fields have the right types: a name or label it does not take, a restart policy or strategy the kind does not take, two containers of one name, a probe of two kinds or a liveness threshold other than 1, a disruption budget with both bounds, a Service port twice, unnamed among several or a node port its type does not open, an Ingress path without its type.",
  "manifest-unknown-field":
    "A field a Kubernetes object's kind does not have, at any depth (often a misspelling: imagePullPolcy); kubectl apply refuses it, though the OpenAPI schema lets it through.",
  "manifest-duplicate-object": "Two manifests define the same kind, namespace and name; the later one wins.",
  "kustomize-missing-resource": "A kustomization names a resource, component or patch that does not exist.",
  "kustomize-remote-resource": "A kustomization names a remote resource, which deployview does not fetch.",
  "kustomize-cycle": "Kustomizations include each other in a circle.",
  "kustomize-patch-unmatched": "A kustomize patch targets an object that is not there.",
  "kustomize-unsupported": "A kustomize feature deployview does not apply.",
  // drift between the model and committed files
  "stale-generated-file": "A generated file differs from what the model generates now.",
  "configuration-drift":
    "Committed configuration runs something other than the model says: another image, ports, replicas, volumes, variables or health check.",
  "missing-generated-file": "A file the model's outputs name has not been generated.",
  "unmodelled-configuration":
    "Compose files or manifests in the repository that drift cannot compare with the model: no environment describes them, or the model generates nothing for theirs.",
  "edited-generated-file":
    "A file in a generated output's place lacks the generated mark: someone wrote or edited it by hand.",
  // command line
  usage: "The command line is not understood.",
  "output-exists": "A file that deployview did not generate is in the way.",
  "write-failed": "An output file could not be written.",
} as const;

export type CoreDiagnosticCode = keyof typeof coreDiagnosticCodes;

/** Extended by the rule registry: each lint rule's id is a code. */
// biome-ignore lint/suspicious/noEmptyInterface: augmented by rule and importer modules
export interface ExtraDiagnosticCodes {}

export type DiagnosticCode = CoreDiagnosticCode | keyof ExtraDiagnosticCodes;
