import { describe, expect, it } from "vitest";
import { checkModel } from "../../src/check/index.js";
import type { Diagnostic } from "../../src/diagnostics.js";
import { loadComposeAsModel } from "../../src/import/compose/index.js";
import { loadManifestsAsModel } from "../../src/import/kubernetes/index.js";
import type { LoadResult } from "../../src/load/index.js";
import { folderWith } from "../helpers/files.js";
import { located } from "../helpers/positions.js";
import { workloadHead } from "./cases.js";

const RULES = new Set(["docker-socket-mounted", "sensitive-host-mount"]);

/** The findings of the two rules about host mounts, each as "rule@line:col", and their messages. */
function mountFindings(loaded: LoadResult): { at: string[]; messages: string[] } {
  const found: Diagnostic[] = checkModel(loaded.model!, { sources: loaded.sources }).filter((d) =>
    RULES.has(d.code),
  );
  return { at: located(found, loaded.sources).sort(), messages: found.map((d) => d.message).sort() };
}

describe("a host folder that holds the Docker socket, mounted", () => {
  it("is docker-socket-mounted's error, once, in a compose file: short and long syntax; / stays the whole host", async () => {
    const folder = folderWith({
      "compose.yaml": [
        "services:",
        "  agent:",
        "    image: agent:1.0",
        "    volumes:",
        "      - /var/run:/var/run",
        "      - /run/:/host/run:ro",
        "      - { type: bind, source: /var, target: /host/var }",
        "      - type: bind",
        "        source: /var/run",
        "        target: /host/var-run",
        "      - /var/run/postgresql:/var/run/postgresql",
        "      - /:/rootfs:ro",
        "",
      ].join("\n"),
    });
    const { at, messages } = mountFindings(await loadComposeAsModel([`${folder}/compose.yaml`]));
    expect(at).toEqual([
      "docker-socket-mounted@5:9",
      "docker-socket-mounted@6:9",
      "docker-socket-mounted@7:23",
      "docker-socket-mounted@9:9",
      "sensitive-host-mount@12:9",
    ]);
    expect(messages).toEqual([
      "'agent' mounts the host's /run, the folder that holds the Docker socket",
      "'agent' mounts the host's /var, the folder that holds the Docker socket",
      "'agent' mounts the host's /var/run, the folder that holds the Docker socket",
      "'agent' mounts the host's /var/run, the folder that holds the Docker socket",
      "'agent' mounts the host's root folder / (read-only)",
    ]);
  });

  it("is docker-socket-mounted's error, once, in a manifest's hostPath, a sidecar's too", async () => {
    const lines = [
      ...workloadHead("DaemonSet", "agent"),
      "    spec:",
      "      containers:",
      "        - { name: agent, image: 'agent:1.0', volumeMounts: [{ name: run, mountPath: /host/run }] }",
      "        - { name: side, image: 'side:1.0', volumeMounts: [{ name: var, mountPath: /host/var }] }",
      "      volumes: [{ name: run, hostPath: { path: /var/run } }, { name: var, hostPath: { path: /var } }]",
      "",
    ];
    const folder = folderWith({ "app.yaml": lines.join("\n") });
    const { at, messages } = mountFindings(await loadManifestsAsModel([folder]));
    expect(at).toEqual(["docker-socket-mounted@10:61", "docker-socket-mounted@11:59"]);
    expect(messages).toEqual([
      "'agent' mounts the host's /var/run, the folder that holds the Docker socket",
      "container 'side' of 'agent' mounts the host's /var, the folder that holds the Docker socket",
    ]);
  });
});
