/**
 * Whether services in these Compose profiles start together: one in no profile always starts;
 * services each in profiles of their own (dev and prod) are alternatives, started by different
 * commands.
 */
export function startTogether(ours: readonly string[], theirs: readonly string[]): boolean {
  return ours.length === 0 || theirs.length === 0 || ours.some((profile) => theirs.includes(profile));
}
