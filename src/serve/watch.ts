/**
 * Calls back when the model file changes. The folder is watched, not the file: editors that save
 * by writing a new file and renaming it over the old one would otherwise end the watch. Changes
 * are coalesced, and a reload never overlaps another.
 */
import { watch } from "node:fs";
import { basename, dirname } from "node:path";

const SETTLE_MS = 10;

export function watchModel(file: string, onChange: () => Promise<void>): () => void {
  const name = basename(file);
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await onChange();
    } finally {
      running = false;
      if (again) {
        again = false;
        void run();
      }
    }
  };
  const watcher = watch(dirname(file), (_event, changed) => {
    if (changed && changed.toString() !== name) return;
    clearTimeout(timer);
    timer = setTimeout(() => void run(), SETTLE_MS);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
