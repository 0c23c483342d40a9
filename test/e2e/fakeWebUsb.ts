/**
 * A fake `navigator.usb` for Chromium, installed before any page script (`page.addInitScript`). It
 * plays a Ledger Nano X on USB: `transferOut`/`transferIn` speak Ledger's HID framing (64-byte
 * packets `[channel u16][0x05][sequence u16]`, the first one led by the APDU length) and pass
 * each whole APDU to `window[binding]`, which the test exposes from Node, where the Ledger
 * emulator runs. The real `@ledgerhq/hw-transport-webusb` runs on top of it unchanged.
 *
 * Like Chrome: `requestDevice` needs transient user activation (a real click) and rejects with
 * a SecurityError without it; a granted device is listed by `getDevices` (across reloads, kept in
 * sessionStorage); unplugging rejects pending transfers with a NetworkError "The device was
 * disconnected." and fires `disconnect` on `navigator.usb`.
 *
 * This function is serialized into the page: it must not use anything from outside its body.
 */
export function installFakeWebUsb({ binding, report }: { binding: string; report: string }) {
  // Tells the test what the page asked for, without the test touching the page: every Playwright
  // call into a page counts as a user gesture.
  const tell = (event: string) =>
    (window as unknown as Record<string, (event: string) => void>)[report]?.(event)
  const grantedKey = '__fakeWebUsbGranted'
  const packetSize = 64
  const disconnectedMessage = (method: string) =>
    `Failed to execute '${method}' on 'USBDevice': The device was disconnected.`

  type Waiter = { resolve: (packet: Uint8Array) => void; reject: (error: Error) => void }

  class FakeUsbDevice {
    readonly vendorId = 0x2c97
    readonly productId = 0x4011 // Nano X (product id 0x40xx)
    readonly productName = 'Nano X'
    readonly manufacturerName = 'Ledger'
    readonly serialNumber = '0001'
    readonly configurations = [
      {
        configurationValue: 1,
        interfaces: [
          { interfaceNumber: 0, alternates: [{ interfaceClass: 3 }] },
          { interfaceNumber: 2, alternates: [{ interfaceClass: 255 }] },
        ],
      },
    ]
    configuration: (typeof this.configurations)[number] | null = null
    opened = false
    connected = true
    #request: { channel: number; length: number; bytes: number[] } | undefined
    #responses: Uint8Array[] = []
    #waiters: Waiter[] = []

    #check(method: string) {
      if (!this.connected) throw new DOMException(disconnectedMessage(method), 'NetworkError')
    }
    async open() {
      this.#check('open')
      this.opened = true
    }
    async close() {
      this.opened = false
    }
    async selectConfiguration(value: number) {
      this.#check('selectConfiguration')
      this.configuration = this.configurations.find((c) => c.configurationValue === value) ?? null
    }
    async claimInterface() {
      this.#check('claimInterface')
    }
    async releaseInterface() {
      this.#check('releaseInterface')
    }
    async reset() {
      this.#check('reset')
    }

    async transferOut(_endpoint: number, data: BufferSource) {
      this.#check('transferOut')
      const packet = new Uint8Array(data instanceof ArrayBuffer ? data : data.buffer, 0, packetSize)
      const channel = (packet[0]! << 8) | packet[1]!
      const sequence = (packet[3]! << 8) | packet[4]!
      if (packet[2] !== 0x05) throw new DOMException('bad HID tag', 'DataError')
      if (sequence === 0) {
        const length = (packet[5]! << 8) | packet[6]!
        this.#request = { channel, length, bytes: [...packet.subarray(7)] }
      } else this.#request!.bytes.push(...packet.subarray(5))
      const request = this.#request!
      if (request.bytes.length >= request.length) {
        this.#request = undefined
        this.#exchange(request.channel, request.bytes.slice(0, request.length))
      }
      return { status: 'ok', bytesWritten: packet.length }
    }

    async transferIn(_endpoint: number, _length: number) {
      this.#check('transferIn')
      const packet =
        this.#responses.shift() ??
        (await new Promise<Uint8Array>((resolve, reject) =>
          this.#waiters.push({ resolve, reject }),
        ))
      return { status: 'ok', data: new DataView(packet.buffer) }
    }

    #exchange(channel: number, apdu: number[]) {
      const hex = apdu.map((byte) => byte.toString(16).padStart(2, '0')).join('')
      const call = (window as unknown as Record<string, (hex: string) => Promise<string>>)[binding]!
      call(hex).then(
        (response) => {
          if (!this.connected) return
          const bytes = (response.match(/../g) ?? []).map((pair) => Number.parseInt(pair, 16))
          const data = [bytes.length >> 8, bytes.length & 0xff, ...bytes]
          for (let sequence = 0, offset = 0; offset < data.length; sequence++) {
            const packet = new Uint8Array(packetSize)
            packet.set([channel >> 8, channel & 0xff, 0x05, sequence >> 8, sequence & 0xff])
            const chunk = data.slice(offset, offset + packetSize - 5)
            packet.set(chunk, 5)
            offset += chunk.length
            const waiter = this.#waiters.shift()
            if (waiter) waiter.resolve(packet)
            else this.#responses.push(packet)
          }
        },
        // The emulator was unplugged from Node: the page sees what Chrome reports.
        () => unplugDevice(),
      )
    }

    /** Pulls the cable: pending transfers fail as in Chrome. */
    unplug() {
      if (!this.connected) return
      this.connected = false
      this.opened = false
      const waiters = this.#waiters.splice(0)
      for (const waiter of waiters)
        waiter.reject(new DOMException(disconnectedMessage('transferIn'), 'NetworkError'))
    }
  }

  const usb = new EventTarget()
  let device: FakeUsbDevice | undefined = new FakeUsbDevice()
  const granted = () => sessionStorage.getItem(grantedKey) === 'yes'

  const fire = (type: 'connect' | 'disconnect', target: FakeUsbDevice) => {
    const event = new Event(type)
    Object.defineProperty(event, 'device', { value: target })
    usb.dispatchEvent(event)
  }

  Object.assign(usb, {
    async getDevices() {
      return device && granted() ? [device] : []
    },
    async requestDevice(options: { filters: { vendorId?: number }[] }) {
      if (!navigator.userActivation.isActive) {
        tell('requestDevice: no user gesture')
        throw new DOMException(
          "Failed to execute 'requestDevice' on 'USB': Must be handling a user gesture to show a permission request.",
          'SecurityError',
        )
      }
      const matches = options.filters.some((filter) => filter.vendorId === device?.vendorId)
      if (!device || !matches) throw new DOMException('No device selected.', 'NotFoundError')
      sessionStorage.setItem(grantedKey, 'yes')
      tell('requestDevice: granted')
      return device
    },
  })
  Object.defineProperty(navigator, 'usb', { value: usb, configurable: true })
  function unplugDevice() {
    if (!device) return
    const gone = device
    device = undefined
    gone.unplug()
    fire('disconnect', gone)
  }
  Object.defineProperty(window, '__fakeWebUsb', {
    value: {
      unplug: unplugDevice,
      plug() {
        if (device) return
        device = new FakeUsbDevice()
        fire('connect', device)
      },
    },
  })
}
