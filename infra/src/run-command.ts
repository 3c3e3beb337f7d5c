import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface CommandResult {
  stdout: string;
  stderr: string;
}

export interface CommandOptions {
  cwd?: string;
  env: NodeJS.ProcessEnv;
  /** what to tell the user when the program itself is missing */
  installHint?: string;
}

/** Runs a program to completion; rejects with its output when it fails. */
export function runCommand(command: string, args: string[], options: CommandOptions): Promise<CommandResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      const hint = error.code === 'ENOENT' && options.installHint ? ` (${options.installHint})` : '';
      reject(new Error(`cannot run ${command}: ${error.message}${hint}`));
    });
    child.on('close', (code, signal) => {
      const result = { stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') };
      if (code === 0) {
        resolvePromise(result);
        return;
      }
      const output = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-30).join('\n');
      reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${output}`));
    });
  });
}

/** JAVA_HOME's tools when it is set, else the ones on PATH. */
export function javaTool(env: NodeJS.ProcessEnv, tool: 'java' | 'javac'): string {
  return env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', tool) : tool;
}

export const JAVA_HINT = 'install a JDK 17 or newer, e.g. apt-get install -y openjdk-17-jdk-headless';
export const MAVEN_HINT = 'install Maven 3.8 or newer, e.g. apt-get install -y maven';
