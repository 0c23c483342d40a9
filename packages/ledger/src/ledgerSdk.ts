/**
 * The Ledger SDK for browsers, in one module so that bundlers emit it as one chunk, loaded with one
 * `import()` on first device use. Node loads the CommonJS builds instead (`importLedgerPackage`).
 */
import './installBuffer.js'

export * as app from '@ledgerhq/hw-app-eth'
export * as transport from '@ledgerhq/hw-transport'
export * as webusb from '@ledgerhq/hw-transport-webusb'
