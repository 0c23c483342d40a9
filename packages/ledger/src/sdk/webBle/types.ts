/** The parts of Web Bluetooth Airlock uses (TypeScript's DOM types have none). */
export type BluetoothDeviceLike = EventTarget & {
  readonly id: string
  readonly name?: string | undefined
  readonly gatt?:
    | { readonly connected: boolean; connect(): Promise<unknown>; disconnect(): void }
    | undefined
}

export type BluetoothLike = {
  requestDevice(options: { filters: { services: string[] }[] }): Promise<BluetoothDeviceLike>
  /** Devices this origin was granted before; Chrome has it behind a flag. */
  getDevices?: () => Promise<BluetoothDeviceLike[]>
  getAvailability?: () => Promise<boolean>
}
