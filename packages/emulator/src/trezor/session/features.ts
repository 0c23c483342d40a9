import { type TrezorModel, trezorModels } from '../models.js'

/** The device state `Features` reports. */
export type FeaturesState = {
  readonly model: TrezorModel
  readonly firmware: string
  readonly revision: string | undefined
  readonly deviceId: string
  readonly label: string
  readonly locked: boolean
  readonly sessionId: string | undefined
}

/**
 * The `Features` message: initialised, English, no passphrase prompt, firmware and revision that
 * `@trezor/connect` bundles so it asks for no update and checks the revision offline.
 */
export function featuresMessage(state: FeaturesState): Record<string, unknown> {
  const info = trezorModels[state.model]
  const [major = 0, minor = 0, patch = 0] = state.firmware.split('.').map(Number)
  const core = state.model !== 'T1B1'
  return {
    vendor: 'trezor.io',
    major_version: major,
    minor_version: minor,
    patch_version: patch,
    device_id: state.deviceId,
    pin_protection: state.locked,
    passphrase_protection: false,
    ...(core ? { language: 'en-US', language_version_matches: true } : {}),
    label: state.label,
    initialized: true,
    revision: state.revision,
    unlocked: !state.locked,
    backup_availability: 'NotAvailable',
    model: info.model,
    fw_vendor: 'SatoshiLabs',
    unfinished_backup: false,
    no_backup: false,
    capabilities: info.capabilities,
    backup_type: 'Bip39',
    safety_checks: 'Strict',
    session_id: state.sessionId,
    internal_model: state.model,
    busy: false,
  }
}
