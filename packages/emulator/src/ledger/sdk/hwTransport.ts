/**
 * `@ledgerhq/hw-transport` for bundlers, which take its ESM build. Plain Node cannot load that
 * build (its relative imports have no file extensions), so Node resolves `#hw-transport` to
 * `hwTransport.node.ts` instead (package.json `imports`).
 */
export { default as Transport } from '@ledgerhq/hw-transport'
export {
  DisconnectedDevice,
  DisconnectedDeviceDuringOperation,
  TransportRaceCondition,
} from '@ledgerhq/hw-transport/errors'
