/**
 * What is taken on a host under one key (a host port, a container name), and by which instances.
 * Two instances clash only where they run at the same time: one in no profile runs with every
 * other, two in profiles only where they share one. Looking among those alone keeps a file of
 * thousands of services, each in a profile of its own and all on one port, from comparing each
 * with every other.
 */
import type { Instance } from "../../model/types.js";

export class Taken<T extends { instance: Instance }> {
  private readonly entries: T[] = [];
  private readonly unprofiled: number[] = [];
  private readonly byProfile = new Map<string, number[]>();
  /** What an instance in no profile meets after one in none (see firstInEachRun), by that one and `matches`' key. */
  private readonly afterUnprofiled = new Map<string, T[]>();

  add(entry: T): void {
    const index = this.entries.push(entry) - 1;
    const profiles = entry.instance.service.profiles;
    if (profiles.length === 0) this.unprofiled.push(index);
    for (const profile of new Set(profiles)) {
      const indices = this.byProfile.get(profile);
      if (indices) indices.push(index);
      else this.byProfile.set(profile, [index]);
    }
  }

  /**
   * For each way `instance` can be started, the first entry that `matches` and starts with it: one
   * in profiles, in each of its profiles; one in none, alone and in each profile an entry is in.
   * Alternatives (web in blue, web2 in green) that each take what one in no profile takes are each
   * named, whichever order they come in. In the order added, each once. `matchKey` is the same for
   * calls whose `matches` say the same of every entry.
   */
  firstInEachRun(instance: Instance, matches: (entry: T) => boolean, matchKey = ""): readonly T[] {
    const before = (indices: readonly number[], limit: number) => {
      for (const index of indices) {
        if (index >= limit) break;
        if (matches(this.entries[index]!)) return index;
      }
      return undefined;
    };
    const unprofiled = before(this.unprofiled, this.entries.length);
    const limit = unprofiled ?? this.entries.length;
    const profiles = instance.service.profiles;
    // In no profile, after one in none that it meets, it meets what that one came after in every
    // profile, which no entry added since changes: found once, not again for each of thousands.
    const key = profiles.length === 0 && unprofiled !== undefined ? `${unprofiled}|${matchKey}` : undefined;
    const known = key === undefined ? undefined : this.afterUnprofiled.get(key);
    if (known) return known;
    const found = new Set<number>(unprofiled === undefined ? [] : [unprofiled]);
    for (const profile of profiles.length === 0 ? this.byProfile.keys() : new Set(profiles)) {
      const index = before(this.byProfile.get(profile) ?? [], limit);
      if (index !== undefined) found.add(index);
    }
    const earlier = [...found].sort((a, b) => a - b).map((index) => this.entries[index]!);
    if (key !== undefined) this.afterUnprofiled.set(key, earlier);
    return earlier;
  }
}
