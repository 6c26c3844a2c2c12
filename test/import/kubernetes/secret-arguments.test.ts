import { describe, expect, it } from "vitest";
import { manifestRuleFindings } from "../../helpers/manifest-findings.js";
import { workloadHead } from "../../rules/cases.js";

/** A Deployment 'cache' whose one container goes on with `lines` (from line 12). */
const cache = (...lines: string[]) => [
  ...workloadHead("Deployment", "cache"),
  "    spec:",
  "      containers:",
  "        - name: redis",
  "          image: 'redis:7.2'",
  ...lines,
  "",
];

describe("a secret on a container's command line", () => {
  it.each([
    [["          args: [--requirepass, Sup3rS3cretPass]"], "12:33"],
    [
      [
        "          command: [redis-server]",
        "          args: [--appendonly, 'yes', --requirepass, Sup3rS3cretPass]",
      ],
      "13:54",
    ],
  ])("is said to be in its arguments where args passes it: %j", async (lines, at) => {
    const { found, at: where } = await manifestRuleFindings(cache(...lines), "secret-in-command");
    expect(where).toEqual([`secret-in-command@${at}`]);
    expect(found[0]!.message).toBe("the arguments of 'cache' pass a secret on the command line");
  });

  it.each([
    [["          command: [redis-server, --requirepass, Sup3rS3cretPass]"], "12:50"],
    [
      [
        "          command: [redis-server, --requirepass, Sup3rS3cretPass]",
        "          args: [--appendonly, 'yes']",
      ],
      "12:50",
    ],
  ])("is said to be in its command where command passes it: %j", async (lines, at) => {
    const { found, at: where } = await manifestRuleFindings(cache(...lines), "secret-in-command");
    expect(where).toEqual([`secret-in-command@${at}`]);
    expect(found[0]!.message).toBe("the command of 'cache' passes a secret on the command line");
  });

  it("is said to be in the command or the arguments of a sidecar or init container too, and found where it is", async () => {
    const { found, at } = await manifestRuleFindings(
      cache(
        "        - name: exporter",
        "          image: 'redis-exporter:1.5'",
        "          command: [redis_exporter]",
        "          args: [--redis.addr, 'redis://localhost:6379', --redis.password, Sup3rS3cretPass]",
        "      initContainers:",
        "        - name: seed",
        "          image: 'redis:7.2'",
        "          command: [redis-cli, -a, Sup3rS3cretPass, ping]",
        "          args: [--no-auth-warning]",
      ),
      "secret-in-command",
    );
    expect(found.map((d) => d.message)).toEqual([
      "the command of init container 'seed' of 'cache' passes a secret on the command line",
      "the arguments of container 'exporter' of 'cache' pass a secret on the command line",
    ]);
    expect(at).toEqual(["secret-in-command@15:76", "secret-in-command@19:36"]);
  });
});
