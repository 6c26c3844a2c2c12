import type { Rule } from "./rule.js";

export const buildAndImage: Rule = {
  id: "build-and-image",
  severity: "info",
  description: `A service has both a build and an image.`,
  why: `Without a pull policy Compose pulls the image first and builds only when no registry has it, so an image published long ago can run in place of the code beside the file; Kubernetes only ever pulls. Readers cannot tell which was meant.`,
  fix: `Drop one, or say the image is what the build makes: pull: build (Compose's pull_policy) builds it every time, pull: never uses the one built before.`,
  example: {
    bad: `api: { build: ./api, image: shop/api:1.4 }`,
    good: `api: { build: ./api, image: shop/api:1.4, pull: build }`,
  },
  check(context) {
    for (const service of context.model.services) {
      // Told not to pull, Compose builds the image and tags it with the name: that is meant.
      if (service.pull === "build" || service.pull === "never") continue;
      if (service.build && service.image)
        context.report(
          service.at,
          `'${service.id}' has both a build and an image`,
          `drop one, or set ${context.model.readFrom === "compose" ? "pull_policy" : "pull"}: build to say the image is the one built`,
        );
    }
  },
};
