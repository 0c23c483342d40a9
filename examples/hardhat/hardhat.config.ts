import { createRequire } from 'node:module'
import airlock from '@airlock/hardhat'
import hardhatIgnitionViem from '@nomicfoundation/hardhat-ignition-viem'
import hardhatViem from '@nomicfoundation/hardhat-viem'
import { defineConfig } from 'hardhat/config'

// Test keys only. Not Hardhat's `test test … junk`, which the node unlocks: the plugin refuses a
// device account that the node could sign for itself.
const mnemonic =
  'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about'

export default defineConfig({
  plugins: [hardhatViem, hardhatIgnitionViem, airlock],
  solidity: {
    // solc from npm (soljson), so the build downloads no compiler.
    version: '0.8.26',
    path: createRequire(import.meta.url).resolve('solc/soljson.js'),
  },
  networks: {
    // Each network signs on one emulated device. A real Ledger: drop `emulator` (the transport
    // defaults to node-hid); a real Trezor: drop `emulator` and give `trezor: { manifest }`.
    ledger: {
      type: 'edr-simulated',
      airlock: {
        accounts: [{ device: 'ledger', index: 0, scheme: 'ledgerLive' }],
        // A contract creation is always blind on a Ledger: the emulated one allows blind signing.
        emulator: { mnemonic, ledger: { blindSigning: true } },
      },
    },
    trezor: {
      type: 'edr-simulated',
      airlock: {
        accounts: [{ device: 'trezor', index: 0, scheme: 'bip44' }],
        emulator: { mnemonic },
      },
    },
  },
})
