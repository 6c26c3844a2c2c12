import type { Service } from "../model/types.js";
import type { Rule } from "./rule.js";

const listed = (profiles: readonly string[]) =>
  `the profile${profiles.length > 1 ? "s" : ""} ${profiles.map((p) => `'${p}'`).join(", ")}`;

/** Why Compose would refuse to start `service` with `target`, and what to do, if it would. */
function refusal(service: Service, target: Service): { reason: string; hint: string } | undefined {
  const optional = "or make the dependency optional (required: false)";
  if (target.profiles.length === 0) return undefined;
  if (service.profiles.length === 0)
    return {
      reason: `'${service.id}' depends on '${target.id}', which runs only with ${listed(target.profiles)}: docker compose up without ${target.profiles.length > 1 ? "any of them" : "it"} refuses to start '${service.id}'`,
      hint: `take '${target.id}' out of its profiles, ${optional}`,
    };
  const missing = service.profiles.filter((profile) => !target.profiles.includes(profile));
  if (missing.length === 0) return undefined;
  return {
    reason: `'${service.id}' runs with ${listed(missing)} and depends on '${target.id}', which does not: docker compose --profile ${missing[0]} up refuses to start '${service.id}'`,
    hint: `add ${missing.map((p) => `'${p}'`).join(", ")} to the profiles of '${target.id}', ${optional}`,
  };
}

export const dependencyOutsideProfile: Rule = {
  id: "dependency-outside-profile",
  severity: "error",
  description: `A service depends on one that runs only in Compose profiles it does not share, so some profile starts it without its dependency.`,
  why: `Compose starts only the services the active profiles enable. When one of them depends on a service they leave out, docker compose up stops: "service was pulled in as a dependency … but is not enabled by the active profiles".`,
  fix: `Give the dependency every profile of the service that needs it, or none; or make the dependency optional (required: false in Compose).`,
  example: {
    bad: `api: { kind: api, image: shop/api:1.4, uses: [mailer] }
mailer: { kind: worker, image: shop/mailer:2.0, profiles: [mail] }`,
    good: `api: { kind: api, image: shop/api:1.4, uses: { mailer: { optional: true } } }
mailer: { kind: worker, image: shop/mailer:2.0, profiles: [mail] }`,
  },
  check(context) {
    // Profiles are Compose's: only what runs in a compose environment is judged.
    const composed = new Set(
      context.model.environments
        .filter((environment) => environment.platform === "compose")
        .flatMap((environment) => environment.instances.map((instance) => instance.service)),
    );
    const byId = new Map(context.model.services.map((service) => [service.id, service]));
    for (const service of composed)
      for (const use of service.uses) {
        const target = byId.get(use.target);
        const refused = !use.optional && target ? refusal(service, target) : undefined;
        if (refused) context.report(use.at, refused.reason, refused.hint);
      }
  },
};
