/**
 * Packs every workspace package and installs the tarballs (with the registry packages an app
 * adds) into one consumer project outside the workspace, reused by every check of the suite.
 */
import type { TestProject } from 'vitest/node'
import { hasChromium } from './chromium.js'
import { prepareConsumerProject } from './consumerProject.js'

declare module 'vitest' {
  export interface ProvidedContext {
    consumerProjectDir: string
    /** The RainbowKit app's project (wagmi 2); '' where Chromium is missing (its test is skipped). */
    rainbowKitProjectDir: string
  }
}

export default async function setup(project: TestProject) {
  const consumer = await prepareConsumerProject()
  console.log(
    consumer.reused
      ? `\n  Consumer project (npm install reused): ${consumer.dir}\n`
      : `\n  Consumer project installed with npm in ${consumer.installSeconds.toFixed(0)} s: ${consumer.dir}\n`,
  )
  project.provide('consumerProjectDir', consumer.dir)
  // One install at a time on two cores.
  if (!hasChromium()) return project.provide('rainbowKitProjectDir', '')
  const rainbowKit = await prepareConsumerProject('rainbowKit')
  console.log(
    rainbowKit.reused
      ? `  RainbowKit project (npm install reused): ${rainbowKit.dir}\n`
      : `  RainbowKit project installed with a plain npm install in ${rainbowKit.installSeconds.toFixed(0)} s: ${rainbowKit.dir}\n`,
  )
  project.provide('rainbowKitProjectDir', rainbowKit.dir)
}
