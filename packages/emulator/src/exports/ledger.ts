export * from '../ledger/index.js'
export * from '../shared/types.js'
