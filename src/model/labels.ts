/**
 * Labels generated configuration carries so importers read it back without guessing: the
 * service's kind, in compose files (Kubernetes manifests use app.kubernetes.io/component).
 */
export const KIND_LABEL = "dev.deployview.kind";
