export * from '../common/index.js'
export * from '../trezor/index.js'
