import { DeviceDisconnectedError, OperationAbortedError } from '@airlock/core'
import type Transport from '@ledgerhq/hw-transport'
import { bluetoothLinkLostRemedy, LedgerBluetoothError } from '../../bluetoothErrors.js'
import { UserGestureRequiredError } from '../../errors.js'
import { findSdkExport } from '../findSdkExport.js'
import { importLedgerPackage } from '../importLedgerPackage.js'
import type { BluetoothDeviceLike, BluetoothLike } from './types.js'

type WebBleTransportClass = { open(device: BluetoothDeviceLike): Promise<Transport> }
type LedgerDevices = { getBluetoothServiceUuids(): string[] }

/** How long a device the browser already knows gets to answer before the picker is shown. */
const knownDeviceTimeout = 3_000
/** Connecting, service discovery, MTU negotiation, and pairing (a code to confirm on both sides). */
const openTimeout = 60_000

/**
 * Opens Ledgers over Web Bluetooth with `@ledgerhq/hw-transport-web-ble`, one opener per signer.
 * It reconnects without a picker where it can: to the device it had (after a lost link), else to
 * one this origin was granted before (`navigator.bluetooth.getDevices()`, behind a flag in
 * Chrome), else it shows the browser's picker, which needs a click.
 */
export function createWebBleOpener(): () => Promise<Transport> {
  let known: BluetoothDeviceLike | undefined
  return async () => {
    const bluetooth = (globalThis.navigator as { bluetooth?: BluetoothLike } | undefined)?.bluetooth
    if (!bluetooth) throw new LedgerBluetoothError({ failure: 'unavailable' })
    const { TransportWebBLE, serviceUuids } = await loadWebBle()
    if (known) return openDevice(TransportWebBLE, known, openTimeout)
    const permitted = (await bluetooth.getDevices?.().catch(() => undefined)) ?? []
    for (const device of permitted) {
      try {
        const transport = await openDevice(TransportWebBLE, device, knownDeviceTimeout)
        known = device
        return transport
      } catch {}
    }
    if ((await bluetooth.getAvailability?.()) === false)
      throw new LedgerBluetoothError({ failure: 'bluetooth-off' })
    const picked = await pickDevice(bluetooth, serviceUuids)
    const transport = await openDevice(TransportWebBLE, picked, openTimeout)
    known = picked
    return transport
  }
}

async function loadWebBle() {
  const module = (await importLedgerPackage('@ledgerhq/hw-transport-web-ble', async () => {
    const { webBle, devices } = await import('../browserWebBle.js')
    return { webBle, devices }
  })) as { webBle?: unknown; devices?: unknown }
  // In Node, `importLedgerPackage` returns the CommonJS package itself.
  const webBle = module.webBle ?? module
  const devices = (module.devices ??
    (await importLedgerPackage('@ledgerhq/devices', async () => ({})))) as LedgerDevices
  const TransportWebBLE = findSdkExport<WebBleTransportClass>(
    webBle,
    (candidate) => typeof (candidate as Partial<WebBleTransportClass>).open === 'function',
    '@ledgerhq/hw-transport-web-ble',
  )
  return { TransportWebBLE, serviceUuids: devices.getBluetoothServiceUuids() }
}

/** The browser's picker, filtered to Ledger's Bluetooth services. */
async function pickDevice(
  bluetooth: BluetoothLike,
  serviceUuids: string[],
): Promise<BluetoothDeviceLike> {
  try {
    return await bluetooth.requestDevice({
      filters: serviceUuids.map((uuid) => ({ services: [uuid] })),
    })
  } catch (cause) {
    const name = (cause as { name?: unknown } | null)?.name
    if (name === 'SecurityError') throw new UserGestureRequiredError({ cause })
    // The user closed the picker (Chrome rejects with NotFoundError).
    throw new OperationAbortedError({ cause })
  }
}

/**
 * Connects GATT, then lets hw-transport-web-ble find the service and negotiate the MTU, where a
 * first connection pairs. A device that does not connect is out of range or asleep; one that
 * connects and then fails the handshake refused (or lost) the pairing.
 */
async function openDevice(
  TransportWebBLE: WebBleTransportClass,
  device: BluetoothDeviceLike,
  timeout: number,
): Promise<Transport> {
  try {
    if (!device.gatt?.connected) await withTimeout(device.gatt!.connect(), timeout)
  } catch (cause) {
    throw new LedgerBluetoothError({ failure: 'unreachable', cause })
  }
  let inner: Transport
  try {
    inner = await withTimeout(TransportWebBLE.open(device), timeout)
  } catch (cause) {
    device.gatt?.disconnect()
    throw new LedgerBluetoothError({ failure: 'pairing-failed', cause })
  }
  return watchLink(inner, device)
}

/**
 * hw-transport-web-ble leaves an exchange waiting forever when the link drops mid-APDU; this one
 * ends it with `DeviceDisconnectedError` (the session is then reopened on the next call).
 */
function watchLink(inner: Transport, device: BluetoothDeviceLike): Transport {
  const linkLost = (cause?: unknown) =>
    new DeviceDisconnectedError({ cause, metaMessages: bluetoothLinkLostRemedy })
  const lost = new Promise<never>((_, reject) => {
    device.addEventListener('gattserverdisconnected', () => reject(linkLost()), { once: true })
  })
  lost.catch(() => {})
  return Object.assign(Object.create(inner) as Transport, {
    async exchange(apdu: Buffer): Promise<Buffer> {
      if (!device.gatt?.connected) throw linkLost()
      try {
        return await Promise.race([inner.exchange(apdu), lost])
      } catch (error) {
        // Status words come back as answers: a failed exchange is the link (hw-transport-web-ble
        // disconnects on any), the GATT call that found it down, or the device gone.
        throw error instanceof DeviceDisconnectedError ? error : linkLost(error)
      }
    },
    // `onLost` stays: hw-transport-web-ble's own listener runs first and makes Airlock close this
    // transport, and a listener removed then would miss the event that ends the call in flight.
    async close() {
      device.gatt?.disconnect()
    },
  })
}

function withTimeout<value>(promise: Promise<value>, ms: number): Promise<value> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)
  })
  return Promise.race([promise, timedOut]).finally(() => clearTimeout(timer))
}
