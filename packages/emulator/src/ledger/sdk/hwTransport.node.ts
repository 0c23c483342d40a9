/**
 * `@ledgerhq/hw-transport` for plain Node: its CommonJS build, since Node's ESM loader rejects the
 * extensionless relative imports of its ESM build (`ERR_MODULE_NOT_FOUND …/lib-es/errors`).
 */
import { createRequire } from 'node:module'
import type * as errors from '@ledgerhq/hw-transport/errors'

const require = createRequire(import.meta.url)
const transportModule: { default: typeof import('@ledgerhq/hw-transport').default } =
  require('@ledgerhq/hw-transport')
const errorsModule: typeof errors = require('@ledgerhq/hw-transport/errors')

export const Transport = transportModule.default
export type Transport = InstanceType<typeof Transport>
export const { DisconnectedDevice, DisconnectedDeviceDuringOperation, TransportRaceCondition } =
  errorsModule
