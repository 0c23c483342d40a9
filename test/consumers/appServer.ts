import { type ChildProcess, spawn } from 'node:child_process'

/** A web server of a consumer app, on 127.0.0.1. */
export type AppServer = {
  url: string
  /** What the server printed so far. */
  log: () => string
  close: () => Promise<void>
}

/**
 * Starts `node args…` in `cwd` and waits (60 s at most) until `readyUrl` finds the server's URL in
 * what it printed, colour codes removed; fails with that output when it exits or never does.
 */
export async function startAppServer(
  name: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
  readyUrl: (output: string) => string | undefined,
): Promise<AppServer> {
  const child = spawn(process.execPath, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const onData = (chunk: Buffer) => {
    output += chunk
  }
  child.stdout!.on('data', onData)
  child.stderr!.on('data', onData)
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => fail(new Error(`${name} did not start:\n${output}`)), 60_000)
    const onExit = (code: number | null) =>
      fail(new Error(`${name} exited with ${code}:\n${output}`))
    const onReady = () => {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes
      const url = readyUrl(output.replace(/\x1b\[[0-9;]*m/g, ''))
      if (!url) return
      clearTimeout(timer)
      child.off('exit', onExit)
      child.stdout!.off('data', onReady)
      resolveUrl(url)
    }
    const fail = (error: Error) => {
      clearTimeout(timer)
      child.kill()
      reject(error)
    }
    child.stdout!.on('data', onReady)
    child.once('exit', onExit)
  })
  return { url, log: () => output, close: () => stop(child) }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolveStop) => {
    child.once('exit', () => resolveStop())
    child.kill()
  })
}
