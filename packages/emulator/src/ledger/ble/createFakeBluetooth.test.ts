import { describe, expect, test } from 'vitest'
import { createLedgerEmulator } from '../createLedgerEmulator.js'
import { createEmulatorBluetooth } from './createEmulatorBluetooth.js'

type Characteristic = EventTarget & {
  value: DataView | null
  startNotifications(): Promise<unknown>
  writeValueWithoutResponse(value: Uint8Array): Promise<void>
}
type Device = EventTarget & {
  gatt: {
    connect(): Promise<unknown>
    getPrimaryServices(): Promise<
      { uuid: string; getCharacteristic(id: string): Promise<Characteristic> }[]
    >
  }
}

async function open(mtu: number) {
  const emulator = createLedgerEmulator({ model: 'stax' })
  const fake = createEmulatorBluetooth(emulator, { mtu })
  const bluetooth = fake.bluetooth as { requestDevice(o: object): Promise<Device> }
  const device = await bluetooth.requestDevice({
    filters: [{ services: ['13d63400-2c97-6004-0000-4c6564676572'] }],
  })
  await device.gatt.connect()
  const [service] = await device.gatt.getPrimaryServices()
  const notify = await service!.getCharacteristic('13d63400-2c97-6004-0001-4c6564676572')
  const write = await service!.getCharacteristic('13d63400-2c97-6004-0003-4c6564676572')
  const frames: number[][] = []
  notify.addEventListener('characteristicvaluechanged', () =>
    frames.push([...new Uint8Array(notify.value!.buffer)]),
  )
  await notify.startNotifications()
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20))
  return { emulator, fake, device, write, frames, settle }
}

describe('createFakeBluetooth', () => {
  test("answers the MTU request and frames APDUs both ways as Ledger's BLE does", async () => {
    const { write, frames, settle } = await open(8)
    await write.writeValueWithoutResponse(new Uint8Array([0x08, 0, 0, 0, 0]))
    await settle()
    expect(frames.shift()).toEqual([0x08, 0, 0, 0, 1, 8])
    // GET APP CONFIGURATION (e0 06 00 00 00), 5 bytes: 3 in the first 8-byte frame, 2 in the next.
    await write.writeValueWithoutResponse(new Uint8Array([0x05, 0, 0, 0, 5, 0xe0, 0x06, 0x00]))
    await write.writeValueWithoutResponse(new Uint8Array([0x05, 0, 1, 0x00, 0x00]))
    await settle()
    expect(frames).toEqual([
      [0x05, 0, 0, 0, 6, 0x02, 0x01, 0x16],
      [0x05, 0, 1, 0x00, 0x90, 0x00],
    ])
  })

  test('a dropped link fires gattserverdisconnected and fails writes; a frame over the MTU is refused', async () => {
    const { fake, device, write } = await open(20)
    await expect(write.writeValueWithoutResponse(new Uint8Array(21).fill(5))).rejects.toThrow(
      /GATT operation failed/,
    )
    let dropped = false
    device.addEventListener('gattserverdisconnected', () => {
      dropped = true
    })
    fake.controls.dropLink()
    expect(dropped).toBe(true)
    await expect(
      write.writeValueWithoutResponse(new Uint8Array([0x08, 0, 0, 0, 0])),
    ).rejects.toThrow(/disconnected/)
  })

  test('only the Bluetooth models', () => {
    expect(() => createEmulatorBluetooth(createLedgerEmulator({ model: 'nanoSP' }))).toThrow(
      /no Bluetooth/,
    )
  })
})
