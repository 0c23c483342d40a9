/**
 * `pnpm bench`: bundle sizes, device exchanges and signing time, measured in one run and printed
 * as Markdown tables. Figures, not pass/fail: the size budgets are enforced by `pnpm size`.
 */
import { availableParallelism, cpus } from 'node:os'
import { measureNextPageLoad } from '../consumers/measureNextPageLoad.js'
import { bundlerNames, bundlers } from '../consumers/nextApp.js'
import { readPageLoadResults, writePageLoadResults } from '../consumers/pageLoadResults.js'
import { bundleBudgets, eagerLimit, formatKb } from './budgets.js'
import { measureBundles } from './measureBundles.js'
import {
  loadDevicePackages,
  measureApdus,
  measureDiscovery,
  measureEndToEnd,
  measureSignatureTime,
} from './measureDevice.js'

const sizes = await measureBundles()
const packages = await loadDevicePackages()
const discovery = await measureDiscovery(packages)
const apdus = await measureApdus(packages)
const times = await measureSignatureTime(packages)
const endToEnd = await measureEndToEnd(packages)
// From the last `pnpm test:consumers`, or measured here (a few minutes: two `next build`s).
let pageLoad = readPageLoadResults()
if (!pageLoad) {
  console.error('Measuring the Next.js page load (pnpm test:consumers has not run)…')
  pageLoad = await measureNextPageLoad()
  writePageLoadResults(pageLoad)
}

const ms = (value: number) => `${value.toFixed(2)} ms`
const table = (head: string[], rows: (string | number)[][]) =>
  [head, head.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n')
const [
  eagerBudget,
  ledgerBudget,
  clearErc20Budget,
  clearPermit2Budget,
  clearCalldataBudget,
  webBleBudget,
  dmkBudget,
  trezorTarget,
] = bundleBudgets(sizes)
const verdict = ({ actual, limit }: { actual: number; limit: number }) =>
  `${formatKb(limit)}: ${actual <= limit ? 'met' : 'missed'}, ${formatKb(Math.abs(limit - actual))} ${actual <= limit ? 'under' : 'over'}`

const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU'
console.log(
  `Measured ${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, ${availableParallelism()} cores (${cpu}).\n`,
)

console.log(
  '**Bundle size** (esbuild, minified, browser, viem and @wagmi/core external, gzip -9 per chunk)\n',
)
console.log(
  table(
    ['What the browser loads', 'gzip', 'Airlock’s part', 'minified', 'chunks', 'budget'],
    [
      [
        'Airlock eager: the dApp API of core, ledger, trezor, wagmi',
        sizes.eager,
        verdict(eagerBudget!),
      ],
      ['Airlock eager, every export (reference)', sizes.eagerEveryExport, '—'],
      [
        'Ledger picked (wagmi, WebUSB): connect and first signature',
        sizes.ledgerOnConnect,
        verdict(ledgerBudget!),
      ],
      [clearErc20Budget!.name, sizes.ledgerClearErc20, verdict(clearErc20Budget!)],
      [clearPermit2Budget!.name, sizes.ledgerClearPermit2, verdict(clearPermit2Budget!)],
      [clearCalldataBudget!.name, sizes.ledgerClearCalldata, verdict(clearCalldataBudget!)],
      [webBleBudget!.name, sizes.ledgerWebBle, verdict(webBleBudget!)],
      [dmkBudget!.name, sizes.ledgerDmk, verdict(dmkBudget!)],
      [
        '… or, with `clearSigning: true`, the first signature adds (all of hw-app-eth)',
        sizes.ledgerClearSigning,
        '—',
      ],
      [
        'Trezor picked (wagmi): connect and first signature',
        sizes.trezorOnConnect,
        verdict(trezorTarget!),
      ],
      ['Bare hw-app-eth + hw-transport-webusb + buffer', sizes.bareLedger, 'baseline'],
      ['Bare @trezor/connect-web', sizes.bareTrezor, 'baseline'],
    ].map(([name, size, budget]) => {
      const { gzip, airlockGzip, minified, chunks } = size as typeof sizes.eager
      return [
        name as string,
        formatKb(gzip),
        formatKb(airlockGzip),
        formatKb(minified),
        chunks,
        budget as string,
      ]
    }),
  ),
)
// More rows of the same table: the JavaScript of a Next.js page with Airlock's connectors minus
// the same page without them, first visit, gzip -9 per response (test/consumers).
for (const bundler of bundlers) {
  const figure = pageLoad.bundlers[bundler]
  if (!figure) continue
  const added = formatKb(figure.addedGzip)
  const budget = verdict({ actual: figure.addedGzip, limit: eagerLimit })
  console.log(
    `| Next.js ${pageLoad.next} page load (${bundlerNames[bundler]}): what Airlock adds | ${added} | ${added} | — | — | ${budget} |`,
  )
}

console.log('\n**Discovery**: device exchanges per page of 5 accounts (Ledger emulator)\n')
console.log(
  table(
    ['Scheme', 'First page', 'Next page', 'Physical floor'],
    discovery.map((d) => [d.scheme, d.firstPage, d.nextPage, d.floor]),
  ),
)

console.log(
  '\n**APDUs per transaction** (Ledger emulator; minimum = ⌈(path + transaction bytes) / 255⌉)\n',
)
console.log(
  table(
    ['Transaction', 'Bytes', 'APDUs', 'Minimum'],
    apdus.map((a) => [a.name, a.bytes, a.apdus, a.minimum]),
  ),
)

console.log(
  `\n**Per signature** (EIP-1559 transfer, zero-latency Ledger emulator, median of ${times.iterations})\n`,
)
console.log(
  table(
    ['Airlock `account.signTransaction`', 'Bare `Eth.signTransaction`', 'Difference', 'Ratio'],
    [
      [
        ms(times.airlock),
        ms(times.bare),
        ms(times.airlock - times.bare),
        `${(times.airlock / times.bare).toFixed(2)}×`,
      ],
    ],
  ),
)

console.log(
  `\n**End to end**: a ${endToEnd.calldataBytes / 1000} kB-calldata EIP-1559 transaction, USB at ${endToEnd.perFrameMs} ms per 64-byte frame (median of 5)\n`,
)
console.log(
  table(
    ['Airlock', 'Bare hw-app-eth', 'USB frames × latency (floor)'],
    [
      [
        ms(endToEnd.airlock),
        ms(endToEnd.bare),
        `${endToEnd.frames} × ${endToEnd.perFrameMs} ms = ${ms(endToEnd.frames * endToEnd.perFrameMs)}`,
      ],
    ],
  ),
)
