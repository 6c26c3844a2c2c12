import { unpinnedImage } from "../model/container-risks.js";
import { byPlace, named } from "./by-place.js";
import { trailingDefaultedVariable } from "./defaulted-variable.js";
import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const HINT = "pin a version tag or a digest";

/** Where the tag, or the whole image, comes from a variable's default: pinned where it is set. */
const variableHint = ({ name, whole }: { name: string; whole: boolean }) =>
  whole
    ? `set ${name} to an image pinned to a version where Compose runs (in .env), or pin the one its default names`
    : `set ${name} to a version tag where Compose runs (in .env), or make its default one: \${${name}:-<version>}`;

/** An image as Docker names it: one written with no tag is its latest. */
const withTag = (image: string) => (/:[^/:]+$/.test(image) ? image : `${image}:latest`);

export const imageLatestTag: Rule = {
  id: "image-latest-tag",
  severity: "warning",
  description: `An image that is pulled, not built here (by the service or another of the project), has no tag, or one with no version in it (latest, stable, alpine).`,
  why: `What runs changes without anyone changing the configuration; rollbacks and reproductions become guesswork.`,
  fix: `Pin a version tag (or a digest).`,
  example: { bad: `image: dgraph/standalone:latest`, good: `image: dgraph/standalone:v24.0.5` },
  check(context) {
    reportImported(context, "image-latest-tag", HINT);
    const unpinned = context.model.environments.flatMap((environment) => {
      // An image a service builds names what the build makes, for it and for any other service
      // that runs it (a worker started from the web service's build): there is nothing to pin.
      const built = new Set(
        environment.instances.flatMap((instance) =>
          instance.service.build && instance.service.image ? [withTag(instance.service.image)] : [],
        ),
      );
      return environment.instances.flatMap((instance) => {
        const image = instance.image;
        if (!image || !unpinnedImage(image) || built.has(withTag(image))) return [];
        return [{ at: instance.imageAt ?? instance.at, subject: image, service: instance.id }];
      });
    });
    // Once where the image is named, though several environments or services (an anchor) run it.
    for (const { at, subject: image, services } of byPlace(unpinned)) {
      const ids = [...new Set(services)];
      // A compose file that takes the tag from a variable pins it where the variable is set.
      const variable =
        context.model.readFrom === "compose" ? trailingDefaultedVariable(at, context.sources) : undefined;
      context.report(
        at,
        `${named(ids)} run${ids.length > 1 ? "" : "s"} ${image}, which is not pinned to a version`,
        variable ? variableHint(variable) : HINT,
      );
    }
  },
};
