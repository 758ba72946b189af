import { execFile } from "node:child_process";
import { join } from "node:path";
import { projectRoot } from "../helpers/catalogues.js";

export const cliBin = join(projectRoot, "cli", "dist", "coursehooks.js");

/** Runs the built `coursehooks` in a child process, without blocking this one (which may serve a receiver). */
export const coursehooks = (...args: string[]) =>
  new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [cliBin, ...args], { cwd: projectRoot, encoding: "utf8" }, (error, stdout, stderr) =>
      resolve({ status: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
