/**
 * Every diagnostic code deployview can report, each with a one-line summary.
 * The union is closed: a new code is added here, with its documentation, or it does not exist.
 * Lint rule ids are listed below, without summaries: each rule documents itself in `src/rules/`.
 */
export const coreDiagnosticCodes = {
  // reading files
  "file-unreadable": "The file could not be read.",
  "file-too-large":
    "The file, or what it defines (its services, its Kubernetes objects), is larger than deployview reads: a limit against hostile input.",
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
  "forbidden-key":
    "A key such as __proto__ that could tamper with objects; or a name that Kubernetes or Compose's list form of environment takes and the model would hold as such a key: a variable or an Ingress path named __proto__, left out; a port, a volume, a Secret or a workload named constructor, renamed.",
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
    "A compose service uses a config the file does not declare, or a pod a ConfigMap the manifests do not define, or a key one they define does not hold.",
  "yaml-alias-cycle": "A YAML alias refers to a collection that contains it, so the value would be infinite.",
  "health-incomplete": "A health check names none of http, tcp or command.",
  "duplicate-instance": "The same instance name is placed twice in one environment.",
  "duplicate-node": "The same node name is used twice in one environment.",
  "node-cycle": "A node is nested inside itself.",
  "invalid-quantity": "A memory, CPU or disk quantity that cannot be read.",
  "invalid-schedule":
    "A CronJob schedule cron cannot read (not five fields, a value out of range, a time zone in it).",
  "invalid-range": "A range whose lower bound is above its upper bound.",
  // budgets
  // generating configuration
  "wrong-platform": "The environment runs on another platform than the output asked for.",
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
  "certificate-without-host":
    "An Ingress asks cert-manager for a certificate, but the model names no host for it; cert-manager makes no certificate for a TLS entry without hosts.",
  "suppression-without-reason":
    "A deployview-disable comment gives no reason after --, so it suppresses nothing.",
  "suppression-malformed":
    "A comment that starts like a deployview-disable suppression but is not written as one (`# deployview-disable-next-line <rule>[, <rule>] -- <reason>`), so it suppresses nothing.",
  "unused-suppression":
    "A suppression comment whose rules ran over the whole file and found nothing on the line after it; left in place it would hide a new finding there.",
  "unknown-rule": "The lint configuration, or a suppression comment, names a rule that does not exist.",
  // importing existing configuration
  "compose-unset-variable":
    "A compose file uses a variable that is not set and has no default; the finding says too where the example environment file does not list it, in place of undocumented-variable's.",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: Compose's syntax, quoted
  "compose-required-variable": "A compose file requires a variable (${VAR:?…}) that is not set.",
  "compose-extends-invalid":
    "A service extends one that does not exist, cannot be read, or extends it in turn; it is imported without it.",
  "compose-include-invalid":
    "An included compose file cannot be read, includes itself, or includes more than deployview follows.",
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
    "A Kubernetes object the API server refuses though its fields have the right types: a name or label it does not take, a restart policy or strategy the kind does not take, two containers of one name, ephemeral containers written in a pod or its template, a privileged container that may not gain privileges, a probe of two kinds or a liveness threshold other than 1, a disruption budget with both bounds, an autoscaler whose minReplicas or maxReplicas is no whole number up to 2147483647, whose maxReplicas is below 1 or below its minReplicas or whose minReplicas is below 1, a Service port twice, unnamed among several or a node port its type does not open, an Ingress rule of no paths or a path without its type or its backend.",
  "manifest-unknown-field":
    "A field a Kubernetes object's kind does not have, at any depth (often a misspelling: imagePullPolcy); kubectl apply refuses it, though the OpenAPI schema lets it through.",
  "manifest-duplicate-object":
    "Two manifests define the same kind, namespace and name: the later one wins where kubectl applies a folder, and kustomize refuses to build what one kustomization gathers.",
  "kustomize-missing-resource": "A kustomization names a resource, component or patch that does not exist.",
  "kustomize-remote-resource": "A kustomization names a remote resource, which deployview does not fetch.",
  "kustomize-cycle": "Kustomizations include each other in a circle.",
  "kustomize-too-deep":
    "Kustomizations include one another deeper than deployview follows (a limit against hostile input).",
  "kustomize-patch-unmatched":
    "A kustomize patch targets an object that is not there; a replicas entry naming no workload to scale is an error, as kustomize refuses to build it.",
  "kustomize-unsupported": "A kustomize feature deployview does not apply.",
  "kustomize-invalid-field":
    "A kustomization field kustomize refuses or Kubernetes would: a replicas entry without a workload's name, or with a count that is text, a fraction, negative or beyond an int64, or with none, which kustomize reads as 0; a namePrefix, nameSuffix or namespace that is not text; a component that is a file, not a folder, or whose kustomization is not of kind Component, and a resource that is a Component.",
  "helm-chart-not-checked":
    "A Helm chart, whose templates deployview does not render and so does not check; render it with helm template and check what it makes.",
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

/**
 * The lint rules' ids, each a code too. A rule documents itself (src/rules/, one file each); only its
 * id is here, so that the codes stay one closed union. A test holds the list to the registry.
 */
export const ruleIds = [
  "autoscaler-targets-nothing",
  "bind-mount-in-cluster",
  "build-and-image",
  "claim-shared-by-replicas",
  "compose-obsolete-version",
  "container-name-conflict",
  "container-variable-from-host",
  "cpu-over-capacity",
  "dangerous-capability",
  "dependency-cycle",
  "dependency-outside-profile",
  "deprecated-service-account-field",
  "disruption-budget-blocks-eviction",
  "disruption-budget-selects-nothing",
  "disruption-budget-without-eviction-policy",
  "disruption-budgets-overlap",
  "docker-socket-mounted",
  "duplicate-mount-path",
  "duplicate-names",
  "duplicate-variable",
  "exposed-datastore",
  "governing-service-not-headless",
  "health-port-undeclared",
  "host-namespace",
  "host-variable-in-cluster",
  "include-conflict",
  "host-port-conflict",
  "hpa-without-cpu-request",
  "image-latest-tag",
  "ingress-without-tls",
  "invalid-image-name",
  "invalid-port-name",
  "memory-over-budget",
  "memory-over-capacity",
  "missing-health-check",
  "missing-path",
  "net-raw-not-dropped",
  "network-policy-selects-nothing",
  "no-image",
  "no-resource-limits",
  "plaintext-secret",
  "port-on-all-interfaces",
  "privilege-escalation-allowed",
  "privileged-container",
  "production-without-gate",
  "removed-api-version",
  "replicas-with-fixed-host-port",
  "replicas-without-disruption-budget",
  "replicas-without-spreading",
  "route-port-undeclared",
  "runs-as-root",
  "secret-in-command",
  "secret-without-source",
  "sensitive-host-mount",
  "service-deployed-nowhere",
  "service-selects-nothing",
  "service-target-port-unknown",
  "single-replica-in-production",
  "ssh-port-exposed",
  "starts-before-healthy",
  "stateful-without-volume",
  "unconfined-profile",
  "undocumented-variable",
  "unknown-service-account",
  "unsafe-sysctl",
  "use-port-undeclared",
  "used-service-not-deployed",
  "volume-without-backup",
  "wait-for-server-exit",
  "wait-without-health-check",
  "workload-selector-mismatch",
  "writable-root-filesystem",
] as const;

export type RuleId = (typeof ruleIds)[number];

export type DiagnosticCode = CoreDiagnosticCode | RuleId;
