/**
 * hw-app-eth's EIP-712 module for browsers, without the rest of hw-app-eth: what full EIP-712
 * needs, loaded with one `import()` on the first full typed-data signature. Node loads the
 * CommonJS build instead (`importLedgerPackage`).
 */
import './installBuffer.js'

export * as eip712 from '@ledgerhq/hw-app-eth/lib-es/modules/EIP712/index'
