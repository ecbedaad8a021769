import { existsSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";

/**
 * PGlite does not stop two processes from opening one data directory, and doing so corrupts it.
 * Every opener (the app, the seed, the migration tools) takes this lock: a `<dataDir>.lock` file
 * holding the owner's pid. A lock left by a dead process is taken over.
 */
const openDirsInProcess = new Set<string>();

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error: unknown) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockPgliteDir(dataDir: string): () => void {
  if (openDirsInProcess.has(dataDir)) {
    throw new Error(`PGlite data directory ${dataDir} is already open in this process.`);
  }
  const lockPath = `${dataDir}.lock`;
  if (existsSync(lockPath)) {
    const holder = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
    if (Number.isInteger(holder) && holder !== process.pid && isProcessAlive(holder)) {
      throw new Error(`PGlite data directory ${dataDir} is in use by process ${holder}. Stop it and try again (only one process may open PGlite at a time).`);
    }
  }
  writeFileSync(lockPath, `${process.pid}\n`);
  openDirsInProcess.add(dataDir);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    openDirsInProcess.delete(dataDir);
    try {
      if (readFileSync(lockPath, "utf8").trim() === String(process.pid)) unlinkSync(lockPath);
    } catch {
      // Already gone: nothing to release.
    }
  };
  process.once("exit", release);
  return release;
}
