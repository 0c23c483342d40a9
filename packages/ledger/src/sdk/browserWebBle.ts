/**
 * `@ledgerhq/hw-transport-web-ble` and the Bluetooth service UUIDs of `@ledgerhq/devices`, loaded
 * with one `import()` only for `transport: 'web-ble'`. Node loads the CommonJS builds instead.
 */
import './installBuffer.js'

export * as devices from '@ledgerhq/devices'
export * as webBle from '@ledgerhq/hw-transport-web-ble'
