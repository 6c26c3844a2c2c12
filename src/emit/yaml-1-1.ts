/**
 * Options for YAML that tools other than deployview read. Docker Compose's and kustomize's Go
 * readers follow YAML 1.1, where `no`, `on`, `y` or `0755` are not strings; written plain, `restart: no`
 * reaches the compose-spec schema as false, which it refuses. With these, such a string is quoted.
 */
export const READ_AS_YAML_1_1 = { aliasDuplicateObjects: false, compat: "yaml-1.1" } as const;
