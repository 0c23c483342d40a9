/**
 * Packs every workspace package and installs the tarballs (with the registry packages an app
 * adds) into one consumer project outside the workspace, reused by every check of the suite; into a
 * Ledger-only and a Trezor-only project for the type checks (types.test.ts); and, where Chromium
 * is there to drive it, into the RainbowKit app's project (wagmi 2, RainbowKit and Reown AppKit, rainbowkit.test.ts).
 */
import type { TestProject } from 'vitest/node'
import { hasChromium } from './chromium.js'
import {
  type ConsumerKind,
  type ConsumerProject,
  prepareConsumerProjects,
} from './consumerProject.js'

declare module 'vitest' {
  export interface ProvidedContext {
    consumerProjectDir: string
    ledgerProjectDir: string
    trezorProjectDir: string
    /** The RainbowKit app's project (wagmi 2); '' where Chromium is missing (its test is skipped). */
    rainbowKitProjectDir: string
  }
}

export default async function setup(project: TestProject) {
  const kinds: ConsumerKind[] = ['all', 'ledger', 'trezor']
  if (hasChromium()) kinds.push('rainbowKit')
  const projects = await prepareConsumerProjects(kinds)
  for (const [kind, consumer] of Object.entries(projects))
    console.log(describeInstall(kind, consumer))
  project.provide('consumerProjectDir', projects.all.dir)
  project.provide('ledgerProjectDir', projects.ledger.dir)
  project.provide('trezorProjectDir', projects.trezor.dir)
  project.provide('rainbowKitProjectDir', projects.rainbowKit?.dir ?? '')
}

function describeInstall(kind: string, consumer: ConsumerProject): string {
  return consumer.reused
    ? `\n  Consumer project (${kind}, npm install reused): ${consumer.dir}`
    : `\n  Consumer project (${kind}) installed with npm in ${consumer.installSeconds.toFixed(0)} s: ${consumer.dir}`
}
