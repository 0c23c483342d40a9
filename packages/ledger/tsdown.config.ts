import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: {
    index: 'src/exports/index.ts',
    utils: 'src/exports/utils.ts',
    dmk: 'src/exports/dmk.ts',
  },
  format: 'esm',
  platform: 'neutral',
  dts: true,
  sourcemap: true,
  clean: true,
  // The named APDU constants of app/ (`ins.getPublicKey`, `statusWords.lockedDevice`) become the
  // numbers themselves, as if written inline.
  inputOptions: { optimization: { inlineConst: { mode: 'all', pass: 1 } } },
  // Besides the Ledger SDK's chunks: what an app loads on import (the files at the top of src/),
  // the driver it loads on first device use (app/, driver/, sdk/, and the token lookup with its
  // per-chain index), and, with the first typed data, the EIP-712 filters' index and lookup. Each
  // chain's tokens and each message's filters (src/descriptors/data/) is a chunk of its own, loaded
  // when a request needs it. The sdk/browser*.ts modules stay chunks of their own, each loaded by
  // one `import()` with its SDK, and so does the installBuffer.ts they share.
  outputOptions: {
    chunkFileNames: ({ name }) => `${distNames[name] ?? name}-[hash].js`,
    codeSplitting: {
      groups: [
        // Alone, so that a bundler drops it from the entry of an app that never names it.
        { name: 'ledgerBluetoothErrors', test: /src\/bluetoothErrors\.ts$/ },
        {
          name: 'ledger',
          test: /src\/(errors|checkTransport|createLedgerSigner|toLedgerAccount)\.ts$/,
        },
        {
          name: 'driver',
          test: /src\/(app|driver|sdk)\/(?!browser|installBuffer\.ts$|dmk\/|webBle\/)[\w/]+\.ts$|src\/descriptors\/(findTokenDescriptor|parseTokenSignatures|data\/erc20Index)\.ts$/,
        },
        // Only for an app that passes a DMK session, and only for `transport: 'web-ble'`.
        { name: 'ledgerDmk', test: /src\/sdk\/dmk\/(openDmkTransport|holdDmkSession)\.ts$/ },
        { name: 'ledgerWebBle', test: /src\/sdk\/webBle\/\w+\.ts$/ },
        // Loaded with the first typed data: the index of Ledger's EIP-712 filters and the lookup.
        {
          name: 'ledgerEip712Filters',
          test: /src\/descriptors\/(findTypedDataFilters|computeSchemaHash|typedDataFiltersKey|shortenTypedDataFiltersKey|data\/eip712Index)\.ts$/,
        },
      ],
    },
  },
})

/**
 * The chunk names of the sdk/browser*.ts modules: the ones package.json `sideEffects` and the size
 * check (test/bench/measureBundles.ts) match.
 */
const distNames: Record<string, string> = {
  browserTransports: 'ledgerTransports',
  browserHwAppEth: 'ledgerEthApp',
  browserWebBle: 'ledgerWebBleSdk',
}
