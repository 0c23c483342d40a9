/**
 * The size check CI runs after `pnpm build`: bundles what a dApp ships with esbuild (minified,
 * browser, viem and @wagmi/core external, gzip level 9) and exits 1 when an enforced budget is
 * exceeded.
 */
import {
  pageLoadOverBudget,
  pageLoadSizeLine,
  readPageLoadResults,
} from '../consumers/pageLoadResults.js'
import { bundleBudgets, formatKb } from './budgets.js'
import { measureBundles } from './measureBundles.js'

const sizes = await measureBundles()
// What Airlock adds to a Next.js page load, as the last `pnpm test:consumers` measured it.
const pageLoad = readPageLoadResults()
let failed = pageLoad ? pageLoadOverBudget(pageLoad) : false
for (const [index, { name, actual, limit, rule, enforced }] of bundleBudgets(sizes).entries()) {
  const over = actual > limit
  if (enforced) failed ||= over
  const margin = over ? `${formatKb(actual - limit)} OVER` : `${formatKb(limit - actual)} under`
  const mark = over ? (enforced ? '✗' : '·') : '✓'
  console.log(`${mark} ${name}: ${formatKb(actual)} gz, ${rule} = ${formatKb(limit)}, ${margin}`)
  if (index === 0) console.log(pageLoadSizeLine(pageLoad))
}
if (failed) {
  console.error('\nSize budget exceeded. What the eager chunks hold (minified bytes):')
  for (const { name, bytes } of sizes.eagerContents) console.error(`  ${name}: ${bytes}`)
  process.exitCode = 1
}
