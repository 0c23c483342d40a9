import { rmSync } from 'node:fs'
import { prepareConsumerProject } from './consumerProject.js'
import { buildNextApp, bundlers, copyNextApp, nextVersion, startNextServer } from './nextApp.js'
import { measurePageLoad } from './pageLoad.js'
import type { PageLoadResults } from './pageLoadResults.js'

/**
 * Packs and installs Airlock as a consumer would (after `pnpm build`), builds the Next.js app with
 * each bundler, serves it, and measures what Airlock's connectors add to the first page load.
 * Needs Chromium. Takes a few minutes (one `next build` per bundler).
 */
export async function measureNextPageLoad(): Promise<PageLoadResults> {
  const project = await prepareConsumerProject()
  const appDir = copyNextApp(project.dir)
  try {
    const results: PageLoadResults = {
      measuredAt: new Date().toISOString(),
      next: nextVersion(project.dir),
      bundlers: {},
    }
    for (const bundler of bundlers) {
      await buildNextApp(project.dir, appDir, bundler)
      const server = await startNextServer(project.dir, appDir, bundler)
      try {
        results.bundlers[bundler] = (await measurePageLoad(server.url)).figure
      } finally {
        await server.close()
      }
    }
    return results
  } finally {
    rmSync(appDir, { recursive: true, force: true })
  }
}
