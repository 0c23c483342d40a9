import messages from '@trezor/protobuf/messages.json' with { type: 'json' }
import { AbstractApi } from '@trezor/transport/lib/api/abstract.js'
import { DEVICE_TYPE } from '@trezor/transport/lib/constants.js'
import * as ERRORS from '@trezor/transport/lib/errors.js'
import { AbstractApiTransport } from '@trezor/transport/lib/transports/abstractApi.js'
import type { DescriptorApiLevel, PathInternal } from '@trezor/transport/lib/types/index.js'
import type { TrezorDevice } from '../device.js'
import { TrezorDeviceDisconnectedError } from '../failures.js'

const path = 'airlock-emulator' as PathInternal

/**
 * The USB layer between Connect's transport and the emulated device: `write` and `read` move 64-byte
 * reports, `enumerate` lists the device while it is plugged in.
 */
export class TrezorEmulatorApi extends AbstractApi {
  chunkSize = 64
  readonly #device: TrezorDevice
  readonly #unsubscribe: () => void

  constructor(device: TrezorDevice) {
    super({ type: 'usb' })
    this.#device = device
    this.#unsubscribe = device.onConnectionChange(() => {
      if (this.listening) this.emit('transport-interface-change', this.#descriptors())
    })
  }

  #descriptors(): DescriptorApiLevel[] {
    if (!this.#device.connected) return []
    const type = this.#device.model === 'T1B1' ? DEVICE_TYPE.TypeT1Webusb : DEVICE_TYPE.TypeT2
    return [{ path, type, product: 0x53c1, vendor: 0x1209, apiType: 'usb' }]
  }

  enumerate() {
    return Promise.resolve(this.success(this.#descriptors()))
  }

  listen() {
    this.listening = true
  }

  async read(_path: PathInternal, signal?: AbortSignal) {
    if (!this.#device.connected) return this.error({ error: ERRORS.DEVICE_NOT_FOUND })
    if (signal?.aborted) return this.error({ error: ERRORS.ABORTED_BY_SIGNAL })
    let onAbort = () => {}
    const aborted = new Promise<'aborted'>((resolve) => {
      onAbort = () => resolve('aborted')
      signal?.addEventListener('abort', onAbort, { once: true })
    })
    try {
      const report = await Promise.race([this.#device.read(), aborted])
      if (report === 'aborted') {
        this.#device.cancelReads()
        return this.error({ error: ERRORS.ABORTED_BY_SIGNAL })
      }
      return this.success(Buffer.from(report))
    } catch (error) {
      if (error instanceof TrezorDeviceDisconnectedError) {
        return this.error({ error: ERRORS.DEVICE_DISCONNECTED_DURING_ACTION })
      }
      return this.error({ error: ERRORS.ABORTED_BY_SIGNAL })
    } finally {
      signal?.removeEventListener('abort', onAbort)
    }
  }

  async write(_path: PathInternal, buffer: Buffer) {
    if (!this.#device.connected)
      return this.error({ error: ERRORS.DEVICE_DISCONNECTED_DURING_ACTION })
    try {
      this.#device.write(new Uint8Array(buffer))
    } catch {
      return this.error({ error: ERRORS.INTERFACE_DATA_TRANSFER })
    }
    return this.success(undefined)
  }

  async openDevice() {
    if (!this.#device.connected) return this.error({ error: ERRORS.DEVICE_NOT_FOUND })
    return this.success(undefined)
  }

  async closeDevice() {
    return this.success(undefined)
  }

  dispose() {
    this.listening = false
    this.#unsubscribe()
    this.removeAllListeners()
  }
}

/**
 * A Connect transport backed by the emulated device. Connect's own session handling, message framing
 * and chunking (`AbstractApiTransport`) stay in the path; only the USB reads and writes are emulated.
 */
export class TrezorEmulatorTransport extends AbstractApiTransport {
  readonly name = 'NodeUsbTransport'

  constructor(device: TrezorDevice) {
    super({ api: new TrezorEmulatorApi(device), messages, id: 'airlock-trezor-emulator' })
  }
}
