/**
 * The size check CI runs after `pnpm build`: bundles what a dApp ships with esbuild (minified,
 * browser, viem and @wagmi/core external, gzip level 9) and exits 1 when a budget is exceeded.
 */
import { bundleBudgets, formatKb } from './budgets.js'
import { measureBundles } from './measureBundles.js'

const sizes = await measureBundles()
let failed = false
for (const { name, actual, limit, rule } of bundleBudgets(sizes)) {
  const over = actual > limit
  failed ||= over
  const margin = over ? `${formatKb(actual - limit)} OVER` : `${formatKb(limit - actual)} under`
  console.log(
    `${over ? '✗' : '✓'} ${name}: ${formatKb(actual)} gz, budget ${formatKb(limit)} (${rule}), ${margin}`,
  )
}
if (failed) {
  console.error('\nSize budget exceeded. What the eager chunks hold (minified bytes):')
  for (const { name, bytes } of sizes.eagerContents) console.error(`  ${name}: ${bytes}`)
  process.exitCode = 1
}
