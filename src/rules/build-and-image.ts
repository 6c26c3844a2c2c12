import type { Rule } from "./rule.js";

export const buildAndImage: Rule = {
  id: "build-and-image",
  severity: "info",
  description: `A service has both a build and an image.`,
  why: `Which one runs depends on the tool: Compose builds and tags, Kubernetes pulls; readers cannot tell.`,
  fix: `Keep the build and name the image it is pushed as, knowingly, or drop one.`,
  example: { bad: `api: { build: ./api, image: shop/api:1.4 }`, good: `api: { build: ./api }` },
  check(context) {
    for (const service of context.model.services) {
      if (service.build && service.image)
        context.report(
          service.at,
          `'${service.id}' has both a build and an image`,
          "the image names what the build produces; make sure that is meant",
        );
    }
  },
};
