/**
 * The Vite + React app of rainbowkit-app/ (wagmi 2; RainbowKit with Airlock's wallets on index.html,
 * Reown AppKit with Airlock's connectors on appkit.html), copied into the RainbowKit consumer
 * project, built with `vite build` and served by `vite preview` on loopback.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs'
import net from 'node:net'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type AppServer, startAppServer } from './appServer.js'
import { runOrThrow } from './run.js'

const template = resolve(import.meta.dirname, 'rainbowkit-app')
const denyNetwork = pathToFileURL(resolve(import.meta.dirname, 'scripts/denyNetwork.mjs')).href

/** A fresh copy of the app inside the project, whose node_modules it resolves from. */
export function copyRainbowKitApp(projectDir: string): string {
  const appDir = mkdtempSync(join(projectDir, 'rainbowkit-app-'))
  cpSync(template, appDir, { recursive: true })
  return appDir
}

function viteEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    // Plain text: with CI set, Vite colours its output and splits the URL we wait for.
    NO_COLOR: '1',
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${denyNetwork}`.trim(),
  }
}

function viteBin(projectDir: string): string {
  return join(projectDir, 'node_modules', 'vite', 'bin', 'vite.js')
}

/** `vite build`; returns its output. */
export async function buildRainbowKitApp(projectDir: string, appDir: string): Promise<string> {
  const { stdout, stderr } = await runOrThrow(process.execPath, [viteBin(projectDir), 'build'], {
    cwd: appDir,
    env: viteEnv(),
  })
  return `${stdout}\n${stderr}`
}

export type PreviewServer = AppServer

/** `vite preview` of the build on 127.0.0.1 and a free port. */
export async function startRainbowKitApp(
  projectDir: string,
  appDir: string,
): Promise<PreviewServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  return startAppServer(
    'vite preview',
    [viteBin(projectDir), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: appDir, env: viteEnv() },
    (output) => (output.includes(url) ? url : undefined),
  )
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = net.createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolvePort(port))
    })
  })
}

/** The installed version of a package of the project. */
export function installedVersion(projectDir: string, name: string): string {
  const manifest = join(projectDir, 'node_modules', name, 'package.json')
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
}
