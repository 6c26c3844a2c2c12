import { describe, expect, it } from "vitest";
import { folderWith } from "../../helpers/files.js";
import { checkFindingsAt } from "../../helpers/positions.js";
import { workloadHead } from "../../rules/cases.js";

describe("a container that must not run as root and is given user 0", () => {
  it("is refused at the runAsUser, its own or its pod's, where the other fields do not clash", async () => {
    const root = folderWith({
      "app/a.yaml": [
        ...workloadHead("Deployment", "web"),
        "    spec:",
        "      securityContext: { runAsNonRoot: true }",
        "      containers:",
        "        - { name: web, image: 'web:1.0', securityContext: { runAsUser: 0 } }",
        "        - { name: ok, image: 'ok:1.0', securityContext: { runAsUser: 1000 } }",
        "---",
        ...workloadHead("Deployment", "api"),
        "    spec:",
        "      securityContext: { runAsUser: 0 }",
        "      containers:",
        "        - { name: api, image: 'api:1.0', securityContext: { runAsNonRoot: true } }",
        "        - { name: root, image: 'root:1.0', securityContext: { runAsNonRoot: false } }",
        "",
      ].join("\n"),
    });
    expect(await checkFindingsAt(root, "app", "runtime-refused")).toEqual([
      "app/a.yaml:11:72",
      "app/a.yaml:22:37",
    ]);
  });
});

describe("a container refused for running as user 0 under runAsNonRoot: true", () => {
  it("is not also said to run as root: its one cause is one finding, the refusal", async () => {
    const root = folderWith({
      "app/a.yaml": [
        ...workloadHead("Deployment", "web"),
        "    spec:",
        "      securityContext: { runAsNonRoot: true }",
        "      containers:",
        "        - { name: web, image: 'web:1.0', securityContext: { runAsUser: 0 } }",
        "        - { name: log, image: 'log:1.0', securityContext: { runAsUser: 0 } }",
        "---",
        ...workloadHead("Deployment", "api"),
        "    spec:",
        "      securityContext: { runAsUser: 0 }",
        "      containers:",
        "        - { name: api, image: 'api:1.0', securityContext: { runAsUser: 10001 } }",
        "        - { name: log, image: 'log:1.0', securityContext: { runAsNonRoot: true } }",
        "---",
        ...workloadHead("Deployment", "root"),
        "    spec:",
        "      containers:",
        "        - { name: root, image: 'root:1.0', securityContext: { runAsUser: 0 } }",
        "",
      ].join("\n"),
    });
    expect(await checkFindingsAt(root, "app", "runtime-refused")).toEqual([
      "app/a.yaml:11:72",
      "app/a.yaml:12:72",
      "app/a.yaml:22:37",
    ]);
    // Only the container that may start as root is said to.
    expect(await checkFindingsAt(root, "app", "runs-as-root")).toEqual(["app/a.yaml:36:74"]);
  });
});
