// Shared by the --watch tests: the built CLI started in its own process (killed after the file's
// tests), and polling for what it prints.
import { spawn, type ChildProcess } from "node:child_process";
import { BIN, cliEnv } from "../config/run-cli.js";

const children: ChildProcess[] = [];

/** Kill every watcher a test left running (call in afterAll). */
export function killWatchers(): void {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
}

export function start(args: string[], cwd: string) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: cliEnv(), stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  const out = { stdout: "", stderr: "" };
  child.stdout!.setEncoding("utf8").on("data", (s: string) => (out.stdout += s));
  child.stderr!.setEncoding("utf8").on("data", (s: string) => (out.stderr += s));
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  return { child, out, exited };
}

/** Polls until `test` holds; a time limit only turns a hang into a failure, it measures nothing. */
export async function waitFor(what: string, test: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const count = (text: string, needle: string) => text.split(needle).length - 1;
