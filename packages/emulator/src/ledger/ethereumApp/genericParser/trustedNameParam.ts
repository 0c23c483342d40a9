import { bytesToHex, getAddress } from 'viem'
import {
  lastBytes,
  readParamValues,
  requiredTag,
  type Visibility,
  visibility,
} from './paramValues.js'
import { malformed, type TlvEntry, tlvByTag } from './tlv.js'
import { parseValue, type ValueContext } from './value.js'

// TN_TYPE_COUNT, TN_SOURCE_COUNT (trusted_name.h), MAX_SENDER_ADDRS (gtp_param_trusted_name.h).
const typeCapacity = 6
const sourceCapacity = 8
const senderCapacity = 3

/**
 * A TRUSTED_NAME param (gtp_param_trusted_name.c). Each address, replaced by the signer's own when
 * it is one of the param's sender placeholders, is shown as the trusted name the app verified for
 * it (PROVIDE TRUSTED NAME, E0 22) or, without one, as the checksummed address (the app then
 * files it as RAW). The emulator verifies no trusted names, so it always shows the address: it
 * never shows a name it did not check. MUST_BE refuses an address outside the constraints;
 * IF_NOT_IN stops at the first address among them (the app's `goto cleanup`).
 */
export function formatTrustedName(
  entries: readonly TlvEntry[],
  context: ValueContext,
  { visible, constraints }: Visibility,
): string[] {
  const tags = tlvByTag(entries, [0x00, 0x01, 0x02, 0x03, 0x04], [0x04])
  if ((tags.get(0x02)?.[0]?.value.length ?? 0) > typeCapacity) throw malformed('Too many types')
  if ((tags.get(0x03)?.[0]?.value.length ?? 0) > sourceCapacity) {
    throw malformed('Too many sources')
  }
  const senders = (tags.get(0x04) ?? []).map((entry) => {
    if (entry.value.length > 20) throw malformed('Sender placeholder too long')
    return bytesToHex(lastBytes(entry.value, 20))
  })
  if (senders.length > senderCapacity) throw malformed('Too many sender placeholders')
  const ref = parseValue(requiredTag(entries, 0x01).value)
  const values = readParamValues(ref, context)
  if (context.chainId === 0n) throw malformed('No chain id')
  const shown: string[] = []
  for (const bytes of values) {
    let address = bytesToHex(lastBytes(bytes, 20))
    if (senders.includes(address)) address = bytesToHex(context.from)
    const matches = constraints.some(
      (c) => c.length <= bytes.length && bytesToHex(lastBytes(c, 20)) === address,
    )
    if (visible === visibility.mustBe) {
      if (!matches) throw malformed('Trusted name not among the allowed ones')
      continue
    }
    if (visible === visibility.ifNotIn && matches) return shown
    shown.push(getAddress(address))
  }
  return shown
}
