import type { SendCommand } from '../types.js'

/**
 * PROVIDE NFT INFORMATION (`E0 14 00 00`): a collection's name signed by Ledger's NFT metadata key,
 * for the NFT fields that name it. The app answers the asset slot it stored it in.
 */
export async function provideNftInformation(send: SendCommand, payload: Uint8Array): Promise<void> {
  await send(0x14, 0x00, 0x00, payload)
}
