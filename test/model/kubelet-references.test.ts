import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromKubeletReferences, toKubeletReferences } from "../../src/model/kubelet-references.js";
import { k8s, shop } from "../k8s/shop-model.js";

const variables = new Set(["DB_PASSWORD", "MODE"]);

describe("a command's variables between the model and the kubelet", () => {
  it("turns ${VAR} into $(VAR) and back only for a variable the container has", () => {
    const model =
      "serve --password=${DB_PASSWORD} --mode ${MODE} --home $${HOME} --other ${OTHER} $$(hostname)";
    const kubelet =
      "serve --password=$(DB_PASSWORD) --mode $(MODE) --home $${HOME} --other ${OTHER} $$(hostname)";
    expect(toKubeletReferences(model, variables)).toBe(kubelet);
    expect(fromKubeletReferences(kubelet, variables)).toBe(model);
    // A command substitution for a shell, and one of a variable the container lacks, stay as they are.
    expect(fromKubeletReferences("echo $(hostname) $(OTHER) $(seq 1 $N)", variables)).toBe(
      "echo $(hostname) $(OTHER) $(seq 1 $N)",
    );
  });

  it("reads back what it writes, whatever else the word holds", () => {
    const piece = fc.oneof(
      fc.constantFrom(
        "${DB_PASSWORD}",
        "${MODE}",
        "${OTHER}",
        "$$",
        "$$(MODE)",
        "$(date)",
        "$",
        "{",
        "}",
        "(",
      ),
      fc.string({ maxLength: 5 }).filter((text) => !text.includes("$")),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const word = pieces.join("");
        // Only a word with no $(VAR) of its own to start with reads back the same.
        fc.pre(!/\$\((?:DB_PASSWORD|MODE)\)/.test(word.replace(/\$\$/g, "")));
        expect(fromKubeletReferences(toKubeletReferences(word, variables), variables)).toBe(word);
      }),
    );
  });

  it("writes the model's ${VAR} for the kubelet in a container's arguments", () => {
    const text = shop.replace(
      "    image: shop/api:1.4.2\n",
      // A function, so that $$ is not read as replace's own escape for $.
      () =>
        '    image: shop/api:1.4.2\n    command: [api, --db-password, "${DB_PASSWORD}", "--mode=${MODE}", --home, "$${HOME}"]\n',
    );
    const api = k8s(text).find("Deployment", "api")!;
    expect(api.spec.template.spec.containers[0].args).toEqual([
      "api",
      "--db-password",
      "$(DB_PASSWORD)",
      "--mode=$(MODE)",
      "--home",
      "$${HOME}",
    ]);
  });

  it("writes a probe's command with a dollar sign as the program is to see it, since nothing fills a probe's command in", () => {
    const text = shop.replace(
      "health: { command: [pg_isready, -U, shop] }",
      // A function, so that $$ is not read as replace's own escape for $.
      () => 'health: { command: "pg_isready -U $$POSTGRES_USER" }',
    );
    const db = k8s(text).find("StatefulSet", "db")!;
    expect(db.spec.template.spec.containers[0].livenessProbe.exec.command).toEqual([
      "sh",
      "-c",
      "pg_isready -U $POSTGRES_USER",
    ]);
  });
});
