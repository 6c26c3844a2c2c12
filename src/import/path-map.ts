/**
 * Values kept by key path, found again by the longest prefix of a path that has one: where in a
 * source file each part of an imported model came from. A tree of maps, so a lookup walks the path
 * once instead of building a string key for every prefix.
 */
export type PathStep = string | number;

interface Branch<T> {
  value?: T;
  children?: Map<PathStep, Branch<T>>;
}

export class PathMap<T> {
  private readonly root: Branch<T> = {};

  set(path: readonly PathStep[], value: T): void {
    let branch = this.root;
    for (const step of path) {
      branch.children ??= new Map();
      let next = branch.children.get(step);
      if (!next) {
        next = {};
        branch.children.set(step, next);
      }
      branch = next;
    }
    branch.value = value;
  }

  /** The value kept at exactly `path`. */
  get(path: readonly PathStep[]): T | undefined {
    let branch: Branch<T> | undefined = this.root;
    for (const step of path) {
      branch = branch.children?.get(step);
      if (!branch) return undefined;
    }
    return branch.value;
  }

  /** The value of the longest prefix of `path` (the whole path included) that has one. */
  nearest(path: readonly PathStep[]): T | undefined {
    let branch: Branch<T> | undefined = this.root;
    let found = this.root.value;
    for (const step of path) {
      branch = branch.children?.get(step);
      if (!branch) break;
      if (branch.value !== undefined) found = branch.value;
    }
    return found;
  }
}
