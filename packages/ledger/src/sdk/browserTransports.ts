/**
 * The Ledger transports for browsers, in one module so that bundlers emit them as one chunk, loaded
 * with one `import()` on first device use: enough to read addresses and sign transactions, messages
 * and hashed EIP-712. WebHID rides along: as a chunk of its own it would split the shared transport
 * code out of this one and cost more than its own ~1.5 kB gz. Node loads the CommonJS builds
 * instead (`importLedgerPackage`).
 */
import './installBuffer.js'

export * as transport from '@ledgerhq/hw-transport'
export * as webhid from '@ledgerhq/hw-transport-webhid'
export * as webusb from '@ledgerhq/hw-transport-webusb'
