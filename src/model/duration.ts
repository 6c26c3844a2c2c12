/** A duration as the model holds it, as Compose writes it and Kubernetes probes are given it: 10s, 1m30s, 500ms. */
export const DURATION_PATTERN = "^(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h))+$";
