import { imageNameProblem } from "../model/container-risks.js";
import { byPlace, named } from "./by-place.js";
import { reportAnalysis, reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

const HINT = "write it as [registry/]repository[:tag][@digest], the repository in lower case";

export const invalidImageName: Rule = {
  id: "invalid-image-name",
  severity: "error",
  description: `An image reference Docker refuses: capitals in the repository, a tag or digest of the wrong form; or one with variables, such as \`\${REGISTRY}/api:1.4\`, on Kubernetes, which fills none in.`,
  why: `Docker stops at the reference ("invalid reference format"): the service never starts, on any platform.`,
  fix: `Write the repository in lower case; a tag is up to 128 letters, digits, '_', '.' and '-'; a digest is algorithm:hex.`,
  example: { bad: `image: MyOrg/Web:1.2`, good: `image: myorg/web:1.2` },
  check(context) {
    // The containers beside a workload's first.
    reportImported(context, "invalid-image-name", HINT);
    // Variables in an image that runs on Kubernetes.
    reportAnalysis(context, "invalid-image-name");
    const invalid = context.model.environments.flatMap((environment) =>
      environment.instances.flatMap((instance) => {
        const problem = instance.image ? imageNameProblem(instance.image) : undefined;
        return problem && instance.image
          ? [
              {
                at: instance.imageAt ?? instance.at,
                subject: { image: instance.image, problem },
                service: instance.id,
              },
            ]
          : [];
      }),
    );
    // Once where the image is named, though several environments or services (an anchor) run it.
    for (const { at, subject, services } of byPlace(invalid, (s) => s.image)) {
      const { image, problem } = subject;
      const ids = [...new Set(services)];
      context.report(at, `the image ${image} of ${named(ids)} is not one Docker accepts: ${problem}`, HINT);
    }
  },
};
