import { concat, type Hex, hexToBytes } from 'viem'
import { encodePath } from './encodePath.js'
import * as ins from './ins.js'
import { readSignature } from './readSignature.js'
import type { EthereumAppSignature, SendCommand } from './types.js'

/**
 * SIGN ETH EIP 712 in hashed mode (`E0 0C 00 00`): `path || domainSeparator || messageHash`. The
 * device shows only the two hashes, so the app requires blind signing.
 */
export async function signEip712Hashed(
  send: SendCommand,
  path: string,
  domainSeparator: Hex,
  messageHash: Hex,
): Promise<EthereumAppSignature> {
  const data = concat([encodePath(path), hexToBytes(domainSeparator), hexToBytes(messageHash)])
  return readSignature(await send(ins.signEip712, 0x00, 0x00, data))
}
