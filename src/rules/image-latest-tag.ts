import { unpinnedImage } from "../model/container-risks.js";
import { byPlace, named } from "./by-place.js";
import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const HINT = "pin a version tag or a digest";

export const imageLatestTag: Rule = {
  id: "image-latest-tag",
  severity: "warning",
  description: `An image that is pulled, not built here, has no tag, or one with no version in it (latest, stable, alpine).`,
  why: `What runs changes without anyone changing the configuration; rollbacks and reproductions become guesswork.`,
  fix: `Pin a version tag (or a digest).`,
  example: { bad: `image: dgraph/standalone:latest`, good: `image: dgraph/standalone:v24.0.5` },
  check(context) {
    reportImported(context, "image-latest-tag", HINT);
    const unpinned = context.model.environments.flatMap((environment) =>
      environment.instances.flatMap((instance) => {
        const image = instance.image;
        // An image the service builds names what the build makes: there is nothing to pin.
        if (!image || !unpinnedImage(image) || (instance.service.build && image === instance.service.image))
          return [];
        return [{ at: instance.imageAt ?? instance.at, subject: image, service: instance.id }];
      }),
    );
    // Once where the image is named, though several environments or services (an anchor) run it.
    for (const { at, subject: image, services } of byPlace(unpinned)) {
      const ids = [...new Set(services)];
      context.report(
        at,
        `${named(ids)} run${ids.length > 1 ? "" : "s"} ${image}, which is not pinned to a version`,
        HINT,
      );
    }
  },
};
