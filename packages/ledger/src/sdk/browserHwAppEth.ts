/**
 * `@ledgerhq/hw-app-eth` for browsers, loaded with one `import()` only for what needs it: full
 * EIP-712 and `clearSigning: true`. Node loads the CommonJS build instead (`importLedgerPackage`).
 */
import './installBuffer.js'

export * as hwAppEth from '@ledgerhq/hw-app-eth'
