import { describe, expect, it } from "vitest";
import { checkModel } from "../../src/check/index.js";
import { loadComposeAsModel } from "../../src/import/compose/index.js";
import { repoRoot } from "../helpers/examples.js";
import { located } from "../helpers/positions.js";

const planted = (name: string) => `${repoRoot}test/fixtures/compose/planted/${name}`;

/** The findings of one code in a compose file, loading and linting it, as code@line:col, and their messages. */
async function findings(name: string, code: string, env: Record<string, string> = {}) {
  const loaded = await loadComposeAsModel([planted(name)], { env });
  const linted = loaded.model ? checkModel(loaded.model, { sources: loaded.sources }) : [];
  const found = [...loaded.diagnostics, ...linted].filter((d) => d.code === code);
  return { at: located(found, loaded.sources), messages: found.map((d) => d.message) };
}

describe("compose files with planted defects", () => {
  it("says a stop signal of blanks is blank, rather than quoting it as empty", async () => {
    const { at, messages } = await findings("blank-stop-signal.yaml", "runtime-refused");
    expect(at).toEqual(["runtime-refused@4:18"]);
    expect(messages[0]).toBe(
      "the stop_signal of 'worker' is blank, which Docker does not read as a signal and refuses to make the container with",
    );
  });

  it("reports a tmpfs volume given a source, which Docker refuses to mount, at the source", async () => {
    const { at, messages } = await findings("tmpfs-with-source.yaml", "runtime-refused");
    expect(at).toEqual(["runtime-refused@6:17"]);
    expect(messages[0]).toBe(
      "'cache' mounts a tmpfs at /var/cache/app with the source 'scratch', which Docker refuses: a tmpfs is made empty in memory and has no source",
    );
  });

  it("reports a health check duration below 1ms other than 0, which Docker refuses, and passes over 0 and 1ms", async () => {
    const { at, messages } = await findings("health-durations.yaml", "runtime-refused");
    expect(at).toEqual(["runtime-refused@7:17", "runtime-refused@8:16"]);
    expect(messages).toEqual([
      "healthcheck.interval of 'db' is -5s, which Docker refuses to make the container with: it takes 0 (the image's own) or at least 1ms",
      "healthcheck.timeout of 'db' is 500us, which Docker refuses to make the container with: it takes 0 (the image's own) or at least 1ms",
    ]);
  });

  it("reports a kernel parameter the kernel reads as numbers set to what is none, and passes over one that takes text", async () => {
    const { at, messages } = await findings("sysctl-values.yaml", "runtime-refused");
    expect(at).toEqual(["runtime-refused@6:28", "runtime-refused@7:39", "runtime-refused@15:9"]);
    expect(messages[0]).toBe(
      "'vpn' sets the kernel parameter net.ipv4.ip_forward to 'yes', where the kernel takes a number: the container runtime fails to start the container (invalid argument)",
    );
    expect(messages[1]).toContain("net.ipv6.conf.all.disable_ipv6 to 'true'");
  });

  it("reports a label that holds a secret in plain text, but not one a variable fills in nor a password hash", async () => {
    const { at, messages } = await findings("label-secrets.yaml", "plaintext-secret", {
      API_TOKEN: "tok_live_1234567890abcdef",
    });
    expect(at).toEqual(["plaintext-secret@5:19", "plaintext-secret@13:9"]);
    expect(messages).toEqual([
      "the label 'backup.url' of 'grafana' holds a URL with credentials in plain text",
      "the label 'ofelia.job-exec.dump.command' of 'backup' passes a secret in the options it holds in plain text",
    ]);
  });

  it("reports a secret a health check's command line passes at the secret, as it does a command's", async () => {
    const { at } = await findings("health-check-secret.yaml", "secret-in-command");
    expect(at).toEqual(["secret-in-command@4:41", "secret-in-command@6:26"]);
  });

  it("reports a negative count of health check retries, which Docker refuses, and passes over 0", async () => {
    const { at, messages } = await findings("health-retries.yaml", "runtime-refused");
    expect(at).toEqual(["runtime-refused@6:16"]);
    expect(messages[0]).toBe(
      "healthcheck.retries of 'api' is -1, which Docker refuses to make the container with: it takes 0 (the image's own) or more",
    );
  });

  it("reports an env file an include names that is not there, which Compose refuses, at the file", async () => {
    const { at, messages } = await findings("include-env-file/compose.yaml", "compose-include-invalid");
    expect(at).toEqual(["compose-include-invalid@3:35", "compose-include-invalid@5:15"]);
    expect(messages[0]).toBe(
      "the env_file ./db/missing.env of the include does not exist, so Compose refuses the file",
    );
  });
});
