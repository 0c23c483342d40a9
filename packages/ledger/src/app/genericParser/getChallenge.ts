import type { SendCommand } from '../types.js'

/** The device answered GET CHALLENGE without its 4 bytes. */
export class ChallengeUnreadableError extends Error {
  override name = 'ChallengeUnreadableError'
  constructor() {
    super('The Ledger answered GET CHALLENGE without a challenge. Update the Ethereum app.')
  }
}

/** GET CHALLENGE (`E0 20`): the device's current challenge, which a signed payload must carry. */
export async function getChallenge(send: SendCommand): Promise<number> {
  const response = await send(0x20, 0x00, 0x00, new Uint8Array())
  if (response.length < 4) throw new ChallengeUnreadableError()
  return new DataView(response.buffer, response.byteOffset, 4).getUint32(0)
}
