/**
 * Packs every workspace package and installs the tarballs (with the registry packages an app
 * adds) into one consumer project outside the workspace, reused by every check of the suite.
 */
import type { TestProject } from 'vitest/node'
import { prepareConsumerProject } from './consumerProject.js'

declare module 'vitest' {
  export interface ProvidedContext {
    consumerProjectDir: string
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
}
