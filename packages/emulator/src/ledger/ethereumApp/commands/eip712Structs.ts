import type { Apdu } from '../../apdu/apdu.js'
import { StatusWord } from '../../apdu/statusWords.js'
import type { LedgerDevice } from '../../device.js'
import { ApduStatusError } from '../../errors.js'
import { applyFilter } from '../eip712/filters.js'
import { receiveArraySize, receiveValueChunk, startRoot } from '../eip712/implementation.js'
import { reviewRoot, reviewValue } from '../eip712/review.js'
import { createEip712Session, type Eip712Session } from '../eip712/session.js'
import { parseFieldDefinition } from '../eip712/structDefinition.js'

/** EIP712 SEND STRUCT DEFINITION (E0 1A): P2 00 struct name, P2 FF one field of it. */
export function eip712StructDefinition(device: LedgerDevice, apdu: Apdu): Uint8Array {
  const stale = device.eip712 && device.eip712.root !== undefined
  if (!device.eip712 || stale) device.eip712 = createEip712Session()
  const session = device.eip712
  if (apdu.p2 === 0x00) {
    const name = new TextDecoder().decode(apdu.data)
    session.structs.set(name, [])
    session.currentStruct = name
  } else if (apdu.p2 === 0xff && session.currentStruct) {
    session.structs.get(session.currentStruct)!.push(parseFieldDefinition(apdu.data))
  } else {
    throw new ApduStatusError(StatusWord.wrongP1P2, 'Bad struct definition')
  }
  return new Uint8Array()
}

/**
 * EIP712 SEND STRUCT IMPLEMENTATION (E0 1C): P2 00 root struct, P2 0F array size, P2 FF value
 * (P1 00 last chunk, any other P1 partial). 0x6980 before any struct definition.
 */
export function eip712StructImplementation(device: LedgerDevice, apdu: Apdu): Uint8Array {
  const session = requireSession(device)
  if (apdu.p2 === 0x00) {
    const name = new TextDecoder().decode(apdu.data)
    startRoot(session, name)
    reviewRoot(device, session, name)
  } else if (apdu.p2 === 0x0f) {
    receiveArraySize(session, apdu.data[0] ?? 0)
  } else if (apdu.p2 === 0xff) {
    receiveValueChunk(session, apdu.p1 !== 0x00, apdu.data, (field, raw) =>
      reviewValue(device, session, field, raw),
    )
  } else {
    throw new ApduStatusError(StatusWord.wrongP1P2, 'Bad struct implementation')
  }
  return new Uint8Array()
}

/** EIP712 FILTERING (E0 1E): see `applyFilter`. 0x6980 before any struct definition. */
export function eip712Filtering(device: LedgerDevice, apdu: Apdu): Uint8Array {
  applyFilter(device, requireSession(device), apdu)
  return new Uint8Array()
}

function requireSession(device: LedgerDevice): Eip712Session {
  if (!device.eip712) {
    throw new ApduStatusError(StatusWord.commandNotAllowed, 'No EIP-712 struct definitions')
  }
  return device.eip712
}
