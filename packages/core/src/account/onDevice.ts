// The core's code that runs only once a device is in use, in one module: `toHardwareAccount` and
// `discoverAccounts` load it on their first call, and bundlers emit it as one chunk.
export { discoverPage } from '../discovery/discoverPage.js'
export { createHardwareAccount } from './createHardwareAccount.js'
