/**
 * The page-load figures the consumer test measured last (gitignored), for `pnpm size` and
 * `pnpm bench` to print beside the eager bundle size.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { eagerLimit, formatKb } from '../bench/budgets.js'
import { type Bundler, bundlerNames, bundlers } from './nextApp.js'
import type { PageLoadFigure } from './pageLoad.js'

export const pageLoadResultsFile = resolve(import.meta.dirname, '.results/page-load.json')

export type PageLoadResults = {
  measuredAt: string
  next: string
  bundlers: Partial<Record<Bundler, PageLoadFigure>>
}

export function readPageLoadResults(): PageLoadResults | undefined {
  if (!existsSync(pageLoadResultsFile)) return undefined
  return JSON.parse(readFileSync(pageLoadResultsFile, 'utf8')) as PageLoadResults
}

export function writePageLoadResults(results: PageLoadResults): void {
  mkdirSync(dirname(pageLoadResultsFile), { recursive: true })
  writeFileSync(pageLoadResultsFile, `${JSON.stringify(results, null, 2)}\n`)
}

export function removePageLoadResults(): void {
  rmSync(pageLoadResultsFile, { force: true })
}

/** "Next.js page load (Turbopack/webpack): Airlock adds 3.1/3.4 kB gz", for the bundlers measured. */
export function formatPageLoad(results: PageLoadResults): string {
  const measured = bundlers.filter((bundler) => results.bundlers[bundler])
  const names = measured.map((bundler) => bundlerNames[bundler]).join('/')
  const added = measured
    .map((bundler) => formatKb(results.bundlers[bundler]!.addedGzip).replace(' kB', ''))
    .join('/')
  return `Next.js page load (${names}): Airlock adds ${added} kB gz`
}

/** Whether what Airlock adds to the page exceeds the eager budget with either bundler. */
export function pageLoadOverBudget(results: PageLoadResults): boolean {
  return bundlers.some((bundler) => (results.bundlers[bundler]?.addedGzip ?? 0) > eagerLimit)
}

/** `pnpm size`'s line for the figures of the last `pnpm test:consumers`, or a notice without them. */
export function pageLoadSizeLine(results: PageLoadResults | undefined): string {
  if (!results)
    return '· Next.js page load: not measured yet; `pnpm test:consumers` measures it (test/consumers/.results/page-load.json)'
  const mark = pageLoadOverBudget(results) ? '✗' : '✓'
  return `${mark} ${formatPageLoad(results)}, eager budget = ${formatKb(eagerLimit)} (Next.js ${results.next}, measured ${results.measuredAt.slice(0, 10)} by pnpm test:consumers)`
}
