import { type BlindDisplay, notDrawn } from './notDrawn.js'

/**
 * The most characters a typed-data value may take for Airlock to call it shown in clear. The Core
 * firmware sets no limit and pages through a value of any length (trezor-firmware
 * core/src/apps/ethereum/sign_typed_data.py `_validate_value`, layout.py `confirm_typed_value`):
 * a 20 kB string is a hundred pages no one reads, so past this it is reported blind.
 */
export const maxShownTypedValueLength = 1024

/**
 * Why the Core models would not show typed data as it is, or `undefined` when they do: a name or
 * string with characters the fonts cannot draw (`notDrawn`), or a string longer than
 * `maxShownTypedValueLength` (bytes count as their hex). Reads every name and string of `data` as
 * Connect receives it (integers as decimal, bytes as hex), which may be more than the device is
 * sent (fields the types lack): that errs on the safe side.
 */
export function findTypedValueNotShown(data: unknown): BlindDisplay | undefined {
  let found: BlindDisplay | undefined
  JSON.stringify(data, (key, value) => {
    const text = typeof value === 'string' ? value : ''
    found ??=
      text.length > maxShownTypedValueLength
        ? { display: 'blind', reason: `${key}: ${text.length} characters, too many to read` }
        : notDrawn(key + text, key)
    return value
  })
  return found
}
