import type { Rule } from "./rule.js";

export const imageLatestTag: Rule = {
  id: "image-latest-tag",
  severity: "warning",
  description: `An image has no tag, or the tag latest.`,
  why: `What runs changes without anyone changing the configuration; rollbacks and reproductions become guesswork.`,
  fix: `Pin a version tag (or a digest).`,
  example: { bad: `image: dgraph/standalone:latest`, good: `image: dgraph/standalone:v24.0.5` },
  check(context) {
    // Once where the image is named, though the service runs in several environments.
    const reported = new Set<string>();
    for (const environment of context.model.environments) {
      for (const instance of environment.instances) {
        const image = instance.image;
        if (!image || image.includes("@")) continue;
        const tag = /:([^/:]+)$/.exec(image)?.[1];
        const at = instance.imageAt ?? instance.at;
        const where = `${at.file}:${at.start}`;
        if ((tag === undefined || /^latest(-|$)/.test(tag)) && !reported.has(where)) {
          reported.add(where);
          context.report(
            at,
            `'${instance.id}' runs ${image}, which is not pinned to a version`,
            "pin a version tag or a digest",
          );
        }
      }
    }
  },
};
