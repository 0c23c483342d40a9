import { Buffer } from 'buffer'

// hw-app-eth and hw-transport call the Node `Buffer` global, which browsers lack: set it from the
// `buffer` package, unless the page already has one. Imported first by the `browser*.ts` modules.
const scope = globalThis as { Buffer?: unknown }
if (typeof scope.Buffer === 'undefined') scope.Buffer = Buffer
