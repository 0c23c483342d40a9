import { UnknownDeviceError } from '@airlock/core'
import * as ins from './ins.js'
import type { SendCommand } from './types.js'

/**
 * What GET APP CONFIGURATION tells: the Ethereum app's version, e.g. `1.16.0`, and whether its
 * blind-signing setting is on (APP_FLAG_DATA_ALLOWED). The app does not report its verbose EIP-712
 * setting (app-ethereum 1.22.0 `cmd_get_app_configuration.c`).
 */
export type AppConfiguration = { version: string; blindSigning: boolean }

const dataAllowedFlag = 0x01

/** GET APP CONFIGURATION (`E0 06 00 00`), answered `flags || major || minor || patch`. */
export async function getAppConfiguration(send: SendCommand): Promise<AppConfiguration> {
  const response = await send(ins.getAppConfiguration, 0x00, 0x00, new Uint8Array())
  // flags, major, minor, patch, then the 2-byte status word.
  if (response.length < 6)
    throw new UnknownDeviceError({
      details: `the app answered ${response.length} bytes to GET_APP_CONFIGURATION, not a version`,
    })
  return {
    version: `${response[1]}.${response[2]}.${response[3]}`,
    blindSigning: (response[0]! & dataAllowedFlag) !== 0,
  }
}
