import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: {
    index: 'src/exports/index.ts',
    utils: 'src/exports/utils.ts',
    descriptors: 'src/exports/descriptors.ts',
    cli: 'src/bin/airlockLedger.ts',
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
  // index of chains), and, with the first typed data, the EIP-712 filters' lookup and index of
  // chains. Each chain's index, each chain's tokens of one address prefix and each message's
  // filters (src/descriptors/data/) is a chunk of its own, loaded when a request needs it. The
  // sdk/browser*.ts modules stay chunks of their own, each loaded by one `import()` with its SDK,
  // and so does the installBuffer.ts they share.
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
          test: /src\/(app|driver|sdk)\/(?!browser|installBuffer\.ts$|genericParser\/|signWithCalldataDescriptor|planDescribedCall|nestedCalldata|dmk\/|webBle\/)[\w/]+\.ts$|src\/descriptors\/(findTokenDescriptor|parseTokenSignatures|data\/erc20Index)\.ts$/,
        },
        // Loaded with the first call an ERC-7730 descriptor describes: the generic parser's commands.
        {
          name: 'ledgerGenericParser',
          test: /src\/(app\/genericParser\/\w+|driver\/(signWithCalldataDescriptor|planDescribedCall|nestedCalldata)|clearSigning\/(certificateTarget|readCalldataAddresses|readNestedCalls))\.ts$/,
        },
        // Fetched mode only (`ledgerServices`): the CAL client.
        {
          name: 'ledgerCal',
          test: /src\/clearSigning\/(cal\/\w+|fromCalDescriptors)\.ts$/,
        },
        // Only for an app that passes a DMK session, and only for `transport: 'web-ble'`.
        { name: 'ledgerDmk', test: /src\/sdk\/dmk\/(openDmkTransport|holdDmkSession)\.ts$/ },
        { name: 'ledgerWebBle', test: /src\/sdk\/webBle\/\w+\.ts$/ },
        // Loaded with the first typed data: the index of Ledger's EIP-712 filters and the lookup.
        {
          name: 'ledgerEip712Filters',
          test: /src\/descriptors\/(findTypedDataFilters|computeSchemaHash|sha224|typedDataFiltersKey|shortenTypedDataFiltersKey|data\/eip712Index)\.ts$/,
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
