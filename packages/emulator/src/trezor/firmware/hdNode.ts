import { HDKey } from '@scure/bip32'
import { bytesToHex } from 'viem/utils'

/** Extended public key version bytes: `xpub` (Bitcoin, Ethereum) and `tpub` (Testnet). */
export const xpubVersions = { xpub: 0x0488b21e, tpub: 0x043587cf } as const

/** The `HDNodeType` message of a node: public data only. */
export function hdNodeMessage(node: HDKey): Record<string, unknown> {
  return {
    depth: node.depth,
    fingerprint: node.parentFingerprint,
    child_num: node.index,
    chain_code: bytesToHex(node.chainCode!).slice(2),
    public_key: bytesToHex(node.publicKey!).slice(2),
  }
}

/** Serialises a node's public key as an extended public key with the given version bytes. */
export function extendedPublicKey(node: HDKey, version: number): string {
  return new HDKey({
    versions: { private: 0, public: version },
    depth: node.depth,
    index: node.index,
    parentFingerprint: node.parentFingerprint,
    chainCode: node.chainCode!,
    publicKey: node.publicKey!,
  }).publicExtendedKey
}

/** `m/44'/60'/0'/0/0` notation of an `address_n` path. */
export function formatPath(path: readonly number[]): string {
  return ['m', ...path.map((i) => (i >= 0x80000000 ? `${i - 0x80000000}'` : `${i}`))].join('/')
}
