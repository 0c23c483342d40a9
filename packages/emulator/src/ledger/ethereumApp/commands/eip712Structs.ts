import type { Apdu } from '../../apdu/apdu.js'
import { StatusWord } from '../../apdu/statusWords.js'
import type { LedgerDevice } from '../../device.js'
import { resetContext } from '../../device.js'
import { ApduStatusError } from '../../errors.js'
import { receiveArraySize, receiveValueChunk, startRoot } from '../eip712/implementation.js'
import { createEip712Session, type Eip712Session } from '../eip712/session.js'
import { parseFieldDefinition } from '../eip712/structDefinition.js'

/** EIP712 SEND STRUCT DEFINITION (E0 1A): P2 00 struct name, P2 FF one field of it. */
export function eip712StructDefinition(device: LedgerDevice, apdu: Apdu): Uint8Array {
  return withSession(
    device,
    (session) => {
      if (apdu.p2 === 0x00) {
        const name = new TextDecoder().decode(apdu.data)
        session.structs.set(name, [])
        session.currentStruct = name
      } else if (apdu.p2 === 0xff && session.currentStruct) {
        session.structs.get(session.currentStruct)!.push(parseFieldDefinition(apdu.data))
      } else {
        throw new ApduStatusError(StatusWord.wrongP1P2, 'Bad struct definition')
      }
    },
    true,
  )
}

/** EIP712 SEND STRUCT IMPLEMENTATION (E0 1C): P2 00 root struct, P2 0F array size, P2 FF value. */
export function eip712StructImplementation(device: LedgerDevice, apdu: Apdu): Uint8Array {
  return withSession(
    device,
    (session) => {
      if (apdu.p2 === 0x00) startRoot(session, new TextDecoder().decode(apdu.data))
      else if (apdu.p2 === 0x0f) receiveArraySize(session, apdu.data[0] ?? 0)
      else if (apdu.p2 === 0xff) receiveValueChunk(session, apdu.p1 === 0x01, apdu.data)
      else throw new ApduStatusError(StatusWord.wrongP1P2, 'Bad struct implementation')
    },
    false,
  )
}

/** EIP712 FILTERING (E0 1E): accepted (signatures unchecked); P2 00 turns filtering on. */
export function eip712Filtering(device: LedgerDevice, apdu: Apdu): Uint8Array {
  return withSession(
    device,
    (session) => {
      if (apdu.p2 === 0x00) session.filtering = true
    },
    false,
  )
}

function withSession(
  device: LedgerDevice,
  f: (session: Eip712Session) => void,
  isDefinition: boolean,
): Uint8Array {
  const stale = device.eip712 && isDefinition && device.eip712.root !== undefined
  if (!device.eip712 || stale) device.eip712 = createEip712Session()
  try {
    f(device.eip712)
  } catch (error) {
    resetContext(device)
    throw error
  }
  return new Uint8Array()
}
