export * from '../shared/types.js'
export * from '../trezor/index.js'
