/** The Bluetooth models of the Ledger range. */
export type LedgerBluetoothModel = 'nanoX' | 'stax' | 'flex'

export type FakeBluetoothOptions = {
  model: LedgerBluetoothModel
  /** The device behind the radio: a raw APDU in, `data ‖ status word` out; rejects when it is gone. */
  exchange: (apdu: Uint8Array) => Promise<Uint8Array>
  /** Called when the link drops (the app on the device drops its flow, as on a real one). */
  onLinkLost?: (() => void) | undefined
  /** The frame size the device answers the MTU request with (byte 5 of its answer). @default 153 */
  mtu?: number | undefined
  /** Whether the origin was granted this device before (`getDevices()` lists it). @default false */
  granted?: boolean | undefined
  /** Called when the user picks the device in the picker (to keep the grant across page loads). */
  onGrant?: (() => void) | undefined
  /** Whether `getDevices()` exists (Chrome: behind a flag). @default true */
  getDevices?: boolean | undefined
}

/** Link faults and the user's side of the picker and pairing. */
export type FakeBluetoothControls = {
  /** Out of range or asleep: connecting fails, and a live link drops. */
  setInRange(inRange: boolean): void
  /** The user refuses (or the OS fails) the pairing: the first GATT operation fails and drops. */
  setPairing(pairing: 'accept' | 'refuse'): void
  /** What the user does in the browser's picker. */
  setPicker(choice: 'choose' | 'cancel'): void
  /** Drops the link after `afterFrames` more frames reach the device (0: at once). */
  dropLink(options?: { afterFrames?: number }): void
  /** Delay before each notification (a slow link), in ms. */
  setNotificationDelay(ms: number): void
  /** Bluetooth on or off on the host. */
  setAdapter(on: boolean): void
  /** Frames written to the device and notified by it, as hex, for tests. */
  readonly frames: { readonly direction: 'write' | 'notify'; readonly hex: string }[]
}

/** A `navigator.bluetooth` with one Ledger, plus the controls a test holds. */
export type FakeBluetooth = { bluetooth: unknown; controls: FakeBluetoothControls }

/**
 * A fake Web Bluetooth (`navigator.bluetooth`) with one Ledger on it, the way Chrome and the
 * device behave, for `@ledgerhq/hw-transport-web-ble` or DMK's web-ble kit to run on unchanged.
 * The GATT service of the model (UUIDs as in `@ledgerhq/devices`), a notify characteristic and the
 * write (with response) and write-command (without) characteristics; Ledger's BLE framing (the
 * MTU request `08 00 00 00 00` answered with the frame size in byte 5; APDU frames `05 ‖ index u16
 * ‖ [length u16 on the first] ‖ data`, at most the frame size each, both ways).
 *
 * Like Chrome: `requestDevice` needs transient user activation where the page has
 * `navigator.userActivation`, and rejects with SecurityError without it, NotFoundError when the
 * user cancels; a link that drops fires `gattserverdisconnected` and fails pending GATT calls
 * with NetworkError.
 *
 * Self-contained (nothing from outside its body), so a test can serialize it into a page.
 */
export function createFakeBluetooth(options: FakeBluetoothOptions): FakeBluetooth {
  const serviceIds = { nanoX: '0004', stax: '6004', flex: '3004' } as const
  const names = { nanoX: 'Nano X 4C1E', stax: 'Ledger Stax 4C1E', flex: 'Ledger Flex 4C1E' }
  const uuid = (suffix: string) =>
    `13d63400-2c97-${serviceIds[options.model]}-${suffix}-4c6564676572`
  const serviceUuid = uuid('0000')
  const mtu = options.mtu ?? 153
  const state = {
    inRange: true,
    pairing: 'accept' as 'accept' | 'refuse',
    paired: false,
    picker: 'choose' as 'choose' | 'cancel',
    adapter: true,
    granted: options.granted ?? false,
    connected: false,
    dropAfter: undefined as number | undefined,
    notificationDelay: 0,
    generation: 0,
  }
  const frames: { direction: 'write' | 'notify'; hex: string }[] = []
  const hex = (bytes: Uint8Array) =>
    Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
  const gattError = () =>
    new DOMException(
      'GATT Server is disconnected. Cannot perform GATT operations. (Re)connect first with `device.gatt.connect`.',
      'NetworkError',
    )

  const device = new EventTarget() as EventTarget & Record<string, unknown>
  // Chrome hands out new service and characteristic objects on each connection; calls on the old
  // ones fail, and their notifications are gone with the link.
  type Notify = EventTarget & { uuid: string; value: DataView | null; notifying: boolean }
  let notify: Notify = Object.assign(new EventTarget(), {
    uuid: uuid('0001'),
    value: null,
    notifying: false,
  })

  function dropLink() {
    if (!state.connected) return
    state.connected = false
    notify.notifying = false
    state.generation++
    request = undefined
    options.onLinkLost?.()
    device.dispatchEvent(new Event('gattserverdisconnected'))
  }

  function checkLink() {
    if (!state.connected) throw gattError()
    if (!state.paired) {
      if (state.pairing === 'refuse') {
        dropLink()
        throw new DOMException('Authentication failed.', 'NetworkError')
      }
      state.paired = true
    }
  }

  async function sendNotification(frame: Uint8Array, generation: number) {
    if (state.notificationDelay > 0)
      await new Promise((resolve) => setTimeout(resolve, state.notificationDelay))
    if (generation !== state.generation || !notify.notifying) return
    frames.push({ direction: 'notify', hex: hex(frame) })
    notify.value = new DataView(frame.buffer.slice(0))
    notify.dispatchEvent(new Event('characteristicvaluechanged'))
  }

  // The APDU being received, frame by frame.
  let request: { length: number; bytes: number[]; next: number } | undefined
  let notifications = Promise.resolve()
  const queueNotification = (frame: Uint8Array, generation: number) => {
    notifications = notifications.then(() => sendNotification(frame, generation))
  }

  async function answer(apdu: Uint8Array, generation: number) {
    let response: Uint8Array
    try {
      response = await options.exchange(apdu)
    } catch {
      dropLink()
      return
    }
    if (generation !== state.generation) return
    const data = [response.length >> 8, response.length & 0xff, ...response]
    for (let index = 0, offset = 0; offset < data.length; index++) {
      const chunk = data.slice(offset, offset + mtu - 3)
      offset += chunk.length
      queueNotification(new Uint8Array([0x05, index >> 8, index & 0xff, ...chunk]), generation)
    }
  }

  async function write(value: BufferSource) {
    checkLink()
    const frame = new Uint8Array(
      value instanceof ArrayBuffer
        ? value
        : value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength),
    )
    frames.push({ direction: 'write', hex: hex(frame) })
    if (state.dropAfter !== undefined && state.dropAfter-- <= 0) {
      state.dropAfter = undefined
      dropLink()
      throw gattError()
    }
    const generation = state.generation
    if (frame[0] === 0x08) {
      queueNotification(new Uint8Array([0x08, 0, 0, 0, 1, mtu]), generation)
      return
    }
    if (frame[0] !== 0x05 || frame.length > mtu)
      throw new DOMException('GATT operation failed for unknown reason.', 'NotSupportedError')
    const index = (frame[1]! << 8) | frame[2]!
    if (index === 0)
      request = { length: (frame[3]! << 8) | frame[4]!, bytes: [...frame.subarray(5)], next: 1 }
    else if (request && index === request.next) {
      request.bytes.push(...frame.subarray(3))
      request.next++
    } else {
      request = undefined
      return
    }
    if (request.bytes.length >= request.length) {
      const apdu = new Uint8Array(request.bytes.slice(0, request.length))
      request = undefined
      void answer(apdu, generation)
    }
  }

  function createService() {
    const generation = state.generation
    const check = () => {
      if (generation !== state.generation) throw gattError()
      checkLink()
    }
    notify = Object.assign(new EventTarget(), {
      uuid: uuid('0001'),
      value: null,
      notifying: false,
      properties: { notify: true, write: false, writeWithoutResponse: false },
      async startNotifications() {
        check()
        notify.notifying = true
        return notify
      },
      // Web Bluetooth's stopNotifications does not check the link (a disconnection already
      // cleared the notifications): hw-transport-web-ble calls it after a drop, uncaught.
      async stopNotifications() {
        if (generation === state.generation) notify.notifying = false
        return notify
      },
    })
    const writeTo = async (value: BufferSource) => {
      if (generation !== state.generation) throw gattError()
      return write(value)
    }
    const writeCharacteristic = (suffix: string, withResponse: boolean) => ({
      uuid: uuid(suffix),
      properties: { notify: false, write: withResponse, writeWithoutResponse: !withResponse },
      writeValue: writeTo,
      writeValueWithResponse: writeTo,
      writeValueWithoutResponse: writeTo,
    })
    const characteristics = [
      notify,
      writeCharacteristic('0002', true),
      writeCharacteristic('0003', false),
    ]
    return {
      uuid: serviceUuid,
      isPrimary: true,
      async getCharacteristic(id: string) {
        check()
        const found = characteristics.find((c) => c.uuid === id.toLowerCase())
        if (!found)
          throw new DOMException(
            'No Characteristics matching UUID found in Service.',
            'NotFoundError',
          )
        return found
      },
      async getCharacteristics() {
        check()
        return characteristics
      },
    }
  }
  let service = createService()

  const gatt = {
    device,
    get connected() {
      return state.connected
    },
    async connect() {
      await new Promise((resolve) => setTimeout(resolve, 20))
      if (!state.adapter || !state.inRange)
        throw new DOMException('Connection attempt failed.', 'NetworkError')
      state.connected = true
      service = createService()
      return gatt
    },
    disconnect() {
      dropLink()
    },
    async getPrimaryServices() {
      checkLink()
      return [service]
    },
    async getPrimaryService(id: string) {
      checkLink()
      if (id.toLowerCase() !== serviceUuid)
        throw new DOMException('No Services matching UUID found in Device.', 'NotFoundError')
      return service
    },
  }
  Object.assign(device, { id: `fake-ledger-${options.model}`, name: names[options.model], gatt })

  const bluetooth = Object.assign(new EventTarget(), {
    async getAvailability() {
      return state.adapter
    },
    async requestDevice(request: { filters?: { services?: string[] }[] }) {
      const activation = (globalThis.navigator as { userActivation?: { isActive: boolean } })
        ?.userActivation
      if (activation && !activation.isActive)
        throw new DOMException(
          "Failed to execute 'requestDevice' on 'Bluetooth': Must be handling a user gesture to show a permission request.",
          'SecurityError',
        )
      if (!state.adapter)
        throw new DOMException('Bluetooth adapter not available.', 'NotFoundError')
      const wanted = (request.filters ?? []).some((filter) =>
        (filter.services ?? []).some((id) => id.toLowerCase() === serviceUuid),
      )
      if (!wanted || state.picker === 'cancel' || !state.inRange)
        throw new DOMException('User cancelled the requestDevice() chooser.', 'NotFoundError')
      state.granted = true
      options.onGrant?.()
      return device
    },
    ...(options.getDevices === false
      ? {}
      : {
          async getDevices() {
            return state.granted ? [device] : []
          },
        }),
  })

  return {
    bluetooth,
    controls: {
      setInRange(inRange) {
        state.inRange = inRange
        if (!inRange) dropLink()
      },
      setPairing(pairing) {
        state.pairing = pairing
        state.paired = false
      },
      setPicker(choice) {
        state.picker = choice
      },
      dropLink({ afterFrames = 0 } = {}) {
        if (afterFrames <= 0) dropLink()
        else state.dropAfter = afterFrames
      },
      setNotificationDelay(ms) {
        state.notificationDelay = ms
      },
      setAdapter(on) {
        state.adapter = on
        if (!on) dropLink()
      },
      frames,
    },
  }
}
