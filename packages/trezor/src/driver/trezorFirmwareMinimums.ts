/** The oldest firmware for a feature: the Model One's (T1B1) and every later model's (T2T1 on). */
export type TrezorFirmwareMinimum = { readonly T1B1: string; readonly T2T1: string }

/**
 * The firmware Connect 9.7.3 requires, lib/data/config.js `supportedFirmware`: for Ethereum
 * (lines 146-150), EIP-1559 transactions (216-221) and EIP-712 typed data (238-243). Connect
 * refuses an older device with `Device_FwException` before it sends the request.
 */
export const trezorFirmwareMinimums = {
  ethereum: { T1B1: '1.8.0', T2T1: '2.1.0' },
  eip1559: { T1B1: '1.10.4', T2T1: '2.4.2' },
  eip712: { T1B1: '1.10.5', T2T1: '2.4.3' },
} as const satisfies Record<string, TrezorFirmwareMinimum>
