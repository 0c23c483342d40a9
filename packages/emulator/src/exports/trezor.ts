export * from '../shared/index.js'
export * from '../trezor/index.js'
