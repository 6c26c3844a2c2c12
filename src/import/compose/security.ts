/**
 * How a service's container is confined, as the model's security: its user, privileged mode, a
 * read-only root, the capabilities it adds and drops, and the seccomp or AppArmor profiles or the
 * SELinux separation it turns off.
 */
import type { ServiceInputType } from "../../model/schema.js";
import type { Confinement } from "../../model/types.js";
import { asText, type Json } from "../json.js";
import type { Reading } from "./reading.js";
import { readsTrue } from "./spec-walk.js";

const texts = (value: unknown): string[] => (Array.isArray(value) ? value.map(asText) : []);

export function securityField(id: string, raw: Json, reading: Reading): ServiceInputType["security"] {
  const capabilities = texts(raw.cap_add);
  const dropped = texts(raw.cap_drop);
  // security_opt entries that turn a profile off, with their index in the file.
  const unconfined = (Array.isArray(raw.security_opt) ? raw.security_opt : []).flatMap((option, index) => {
    const text = asText(option);
    const profile = /^(seccomp|apparmor)[:=]unconfined$/.exec(text)?.[1] as Confinement | undefined;
    if (profile) return [{ profile, index }];
    return /^label[:=]disable$/.test(text) ? [{ profile: "selinux" as const, index }] : [];
  });
  const at = (field: string, k: number, key: string, index: number): void => {
    reading.note(["services", id, "security", field, k], ["services", id, key, index]);
  };
  for (const [index] of capabilities.entries()) at("capabilities", index, "cap_add", index);
  for (const [index] of dropped.entries()) at("drop", index, "cap_drop", index);
  for (const [k, { index }] of unconfined.entries()) at("unconfined", k, "security_opt", index);
  reading.note(["services", id, "security", "user"], ["services", id, "user"]);
  reading.note(["services", id, "security", "privileged"], ["services", id, "privileged"]);
  const security = {
    ...(raw.user !== undefined ? { user: asText(raw.user) } : {}),
    ...(readsTrue(raw.privileged) ? { privileged: true } : {}),
    ...(readsTrue(raw.read_only) ? { "read-only-root": true } : {}),
    ...(capabilities.length > 0 ? { capabilities } : {}),
    ...(dropped.length > 0 ? { drop: dropped } : {}),
    ...(unconfined.length > 0 ? { unconfined: unconfined.map((u) => u.profile) } : {}),
  };
  return Object.keys(security).length > 0 ? security : undefined;
}
