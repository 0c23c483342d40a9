export * from '../common/index.js'
export * from '../ledger/index.js'
export * from '../trezor/index.js'
