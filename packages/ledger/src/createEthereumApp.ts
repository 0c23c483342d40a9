import { UnknownDeviceError } from '@airlock/core'
import type Transport from '@ledgerhq/hw-transport'
import { bytesToHex, concat, fromRlp, type Hex, hexToBytes, numberToBytes, toRlp } from 'viem'
import { encodePath } from './encodeAuthorization.js'

/** `v || r || s` (then the status word), as the Ethereum app answers a signing command. */
export type EthereumAppSignature = Uint8Array

export type EthereumApp = {
  getAppConfiguration: () => Promise<{ version: string }>
  getAddress: (
    path: string,
    options: { display: boolean; chainCode: boolean; chainId?: number | undefined },
  ) => Promise<{ publicKey: Hex; address: string; chainCode: Hex | undefined }>
  signTransaction: (path: string, serializedTransaction: Hex) => Promise<EthereumAppSignature>
  signPersonalMessage: (path: string, message: Hex) => Promise<EthereumAppSignature>
  signEIP712HashedMessage: (
    path: string,
    domainSeparator: Hex,
    messageHash: Hex,
  ) => Promise<EthereumAppSignature>
}

/** The largest payload the Ethereum app takes in one APDU. */
const maxPayload = 255

/**
 * The Ethereum app's commands that need no clear-signing metadata, sent byte for byte as
 * `@ledgerhq/hw-app-eth` 7.9 sends them (`src/Eth.ts`; `safeChunkTransaction` in `src/utils.ts`;
 * `signEIP712HashedMessage` in `src/modules/EIP712`). hw-app-eth itself, with Ledger's metadata
 * services, axios and ethers v5 (about 95 kB gz of its bundle), then loads only for full EIP-712 and
 * `clearSigning: true`.
 */
export function createEthereumApp(
  transport: Transport,
  Buffer: typeof globalThis.Buffer,
): EthereumApp {
  const send = (ins: number, p1: number, p2: number, data: Uint8Array) =>
    transport.send(0xe0, ins, p1, p2, Buffer.from(data))

  return {
    async getAppConfiguration() {
      const response = await send(0x06, 0x00, 0x00, new Uint8Array())
      // flags, major, minor, patch, then the 2-byte status word.
      if (response.length < 6)
        throw new UnknownDeviceError({
          details: `the app answered ${response.length} bytes to GET_APP_CONFIGURATION, not a version`,
        })
      return { version: `${response[1]}.${response[2]}.${response[3]}` }
    },

    async getAddress(path, { display, chainCode, chainId }) {
      const data = concat([
        encodePath(path),
        ...(chainId === undefined ? [] : [numberToBytes(chainId, { size: 8 })]),
      ])
      const response = await send(0x02, display ? 0x01 : 0x00, chainCode ? 0x01 : 0x00, data)
      const keyEnd = 1 + (response[0] ?? 0)
      const addressEnd = keyEnd + 1 + (response[keyEnd] ?? 0)
      // The answer ends with the 2-byte status word.
      if (keyEnd === 1 || response.length < addressEnd + (chainCode ? 32 : 0) + 2)
        throw new UnknownDeviceError({
          details: `the app answered ${response.length} bytes to GET_PUBLIC_KEY, too few for its own lengths`,
        })
      return {
        publicKey: bytesToHex(response.subarray(1, keyEnd)),
        address: `0x${new TextDecoder().decode(response.subarray(keyEnd + 1, addressEnd))}`,
        chainCode: chainCode
          ? bytesToHex(response.subarray(addressEnd, addressEnd + 32))
          : undefined,
      }
    },

    async signTransaction(path, serializedTransaction) {
      const chunks = chunkTransaction(encodePath(path), hexToBytes(serializedTransaction))
      let response: Uint8Array = new Uint8Array()
      for (const [index, chunk] of chunks.entries())
        response = await send(0x04, index === 0 ? 0x00 : 0x80, 0x00, chunk)
      return response
    },

    async signPersonalMessage(path, message) {
      const bytes = hexToBytes(message)
      const head = concat([encodePath(path), numberToBytes(bytes.length, { size: 4 })])
      // hw-app-eth fills APDUs to 150 bytes; an empty message is the head alone (hw-app-eth 7.9
      // sends nothing for it, then fails reading the answer).
      const firstSize = 150 - head.length
      let response = await send(0x08, 0x00, 0x00, concat([head, bytes.subarray(0, firstSize)]))
      for (let offset = firstSize; offset < bytes.length; offset += 150)
        response = await send(0x08, 0x80, 0x00, bytes.subarray(offset, offset + 150))
      return response
    },

    async signEIP712HashedMessage(path, domainSeparator, messageHash) {
      const data = concat([encodePath(path), hexToBytes(domainSeparator), hexToBytes(messageHash)])
      return send(0x0c, 0x00, 0x00, data)
    },
  }
}

/**
 * The path and the unsigned transaction in APDU payloads of at most 255 bytes. For a legacy
 * transaction, older apps must not receive the trailing `chainId, 0, 0` fields alone in the last
 * APDU, so hw-app-eth shrinks the chunk size until the last chunk is empty or longer than them.
 */
export function chunkTransaction(path: Uint8Array, transaction: Uint8Array): Uint8Array[] {
  const payload = concat([path, transaction])
  const split = (size: number) =>
    Array.from({ length: Math.ceil(payload.length / size) }, (_, i) =>
      payload.subarray(i * size, (i + 1) * size),
    )
  if (payload.length <= maxPayload) return [payload]
  const isLegacy = transaction[0]! >= 0xc0
  if (!isLegacy) return split(maxPayload)
  const fields = fromRlp(transaction, 'bytes') as Uint8Array[]
  const trailing = toRlp(fields.slice(-3), 'bytes').length - 1
  for (let size = maxPayload; size > 0; size--) {
    const last = payload.length % size
    if (last === 0 || last > trailing) return split(size)
  }
  return split(maxPayload)
}
