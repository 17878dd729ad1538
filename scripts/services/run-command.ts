import { spawn } from "node:child_process";

export interface RunOptions {
  /** Run as this OS user through `runuser` (root only): PostgreSQL refuses to run as root. */
  asUser?: string;
  cwd?: string;
  /** Variables added to the inherited environment. */
  env?: Record<string, string>;
}

export interface CommandResult {
  code: number;
  /** stdout and stderr interleaved, for error messages. */
  output: string;
}

/** Runs a program without a shell and waits for it; never rejects on a non-zero exit code. */
export function runCommand(command: string, args: string[], options: RunOptions = {}): Promise<CommandResult> {
  const [file, argv] = options.asUser ? ["runuser", ["-u", options.asUser, "--", command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, {
      cwd: options.cwd,
      env: options.env ? { ...process.env, ...options.env } : undefined,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** The last few non-empty lines of a program's output or log: enough to say why it failed. */
export function lastLines(text: string, count = 5): string {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-count)
    .join("\n");
}
