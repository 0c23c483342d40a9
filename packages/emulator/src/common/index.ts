// What both emulators share and export. TEST KEYS ONLY: the emulators hold a mnemonic in memory to
// play a device in tests and demos; never give them one that guards real funds.
export type { EmulatorControls } from './controls.js'
export type { EmulatorExchange } from './exchanges.js'
export type { EmulatorFault } from './faults.js'
export type { EmulatorLatency } from './latency.js'
export { testMnemonic } from './testMnemonic.js'
export type { EmulatorOperation, EmulatorReview, EmulatorScreen } from './types.js'
export type { EmulatorUser, EmulatorUserDecision } from './user.js'
