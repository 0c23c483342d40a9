/**
 * The Next.js App Router app of next-app/, copied into the consumer project, built with each of
 * Next's bundlers into its own dist dir, and served by `next start` on a free loopback port.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type AppServer, startAppServer } from './appServer.js'
import { runOrThrow } from './run.js'

export type Bundler = 'turbopack' | 'webpack'
export const bundlers: readonly Bundler[] = ['turbopack', 'webpack']
export const bundlerNames: Record<Bundler, string> = { turbopack: 'Turbopack', webpack: 'webpack' }

const template = resolve(import.meta.dirname, 'next-app')
const denyNetwork = pathToFileURL(resolve(import.meta.dirname, 'scripts/denyNetwork.mjs')).href

/** A fresh copy of the app inside the consumer project, whose node_modules it resolves from. */
export function copyNextApp(projectDir: string): string {
  const appDir = mkdtempSync(join(projectDir, 'next-app-'))
  cpSync(template, appDir, { recursive: true })
  return appDir
}

/** `next build`'s environment: no telemetry, the bundler's own dist dir, no outbound network. */
function nextEnv(bundler: Bundler): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    AIRLOCK_NEXT_DIST_DIR: `.next-${bundler}`,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${denyNetwork}`.trim(),
  }
}

function nextBin(projectDir: string): string {
  return join(projectDir, 'node_modules', 'next', 'dist', 'bin', 'next')
}

/** `next build` (Turbopack, Next 16's default) or `next build --webpack`; returns its output. */
export async function buildNextApp(
  projectDir: string,
  appDir: string,
  bundler: Bundler,
): Promise<string> {
  const args = [nextBin(projectDir), 'build', ...(bundler === 'webpack' ? ['--webpack'] : [])]
  const { stdout, stderr } = await runOrThrow(process.execPath, args, {
    cwd: appDir,
    env: nextEnv(bundler),
  })
  return `${stdout}\n${stderr}`
}

/** A started `next start`, on 127.0.0.1. */
export type NextServer = AppServer

/** `next start` of one bundler's build on 127.0.0.1 and a port the OS picks. */
export function startNextServer(
  projectDir: string,
  appDir: string,
  bundler: Bundler,
): Promise<NextServer> {
  return startAppServer(
    'next start',
    [nextBin(projectDir), 'start', '-H', '127.0.0.1', '-p', '0'],
    { cwd: appDir, env: nextEnv(bundler) },
    (output) =>
      output.includes('Ready') ? output.match(/http:\/\/127\.0\.0\.1:\d+/)?.[0] : undefined,
  )
}

/** The installed Next.js version. */
export function nextVersion(projectDir: string): string {
  const manifest = join(projectDir, 'node_modules', 'next', 'package.json')
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
}
