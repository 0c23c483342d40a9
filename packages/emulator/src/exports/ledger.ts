export * from '../ledger/index.js'
export * from '../shared/index.js'
