import { spawn } from 'node:child_process'

export type RunResult = { code: number | null; stdout: string; stderr: string }

/** Runs a command to completion, collecting its output; never throws on a non-zero exit. */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<RunResult> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 600_000,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => resolveRun({ code, stdout, stderr }))
  })
}

/** Runs a command and throws with its output when it fails. */
export async function runOrThrow(
  command: string,
  args: string[],
  options: Parameters<typeof run>[2],
): Promise<RunResult> {
  const result = await run(command, args, options)
  if (result.code !== 0)
    throw new Error(
      `${command} ${args.join(' ')} exited with ${result.code}:\n${result.stdout}\n${result.stderr}`,
    )
  return result
}
