/** A duration as the model holds it, as Compose writes it and Kubernetes probes are given it: 10s, 1m30s, 500ms. */
export const DURATION_PATTERN = "^(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h))+$";

const DURATION = new RegExp(DURATION_PATTERN);

/**
 * A timing read from configuration, as a field of the model: none for one the model cannot hold
 * (1e400s, -1s, 1us), which the configuration's own findings name where its tool refuses it.
 */
export const durationField = (field: string, value: unknown): Record<string, string> =>
  typeof value === "string" && DURATION.test(value) ? { [field]: value } : {};
