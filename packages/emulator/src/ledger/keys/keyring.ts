import { secp256k1 } from '@noble/curves/secp256k1'
import { HDKey } from '@scure/bip32'
import { mnemonicToSeedSync, validateMnemonic } from '@scure/bip39'
import { wordlist } from '@scure/bip39/wordlists/english'
import { type Address, getAddress, keccak256 } from 'viem'
import { InvalidEmulatorMnemonicError } from '../errors.js'

/** A derived test key. TEST KEYS ONLY. */
export type LedgerKey = {
  readonly privateKey: Uint8Array
  /** 65-byte uncompressed public key. */
  readonly publicKey: Uint8Array
  readonly chainCode: Uint8Array
  readonly address: Address
}

/** Derives keys from a mnemonic, lazily and cached per path. Never exposes the mnemonic. */
export type LedgerKeyring = {
  readonly derive: (path: readonly number[]) => LedgerKey
}

/** Builds a keyring; the seed is computed on first use. */
export function createKeyring(mnemonic: string, passphrase: string): LedgerKeyring {
  if (!validateMnemonic(mnemonic, wordlist)) throw new InvalidEmulatorMnemonicError()
  let root: HDKey | undefined
  const cache = new Map<string, LedgerKey>()
  return {
    derive(path) {
      const id = path.join('/')
      const cached = cache.get(id)
      if (cached) return cached
      root ??= HDKey.fromMasterSeed(mnemonicToSeedSync(mnemonic, passphrase))
      const key = toLedgerKey(path.reduce((node, index) => node.deriveChild(index), root))
      cache.set(id, key)
      return key
    },
  }
}

function toLedgerKey(node: HDKey): LedgerKey {
  if (!node.privateKey || !node.publicKey || !node.chainCode) throw new Error('Underivable key')
  const publicKey = secp256k1.ProjectivePoint.fromHex(node.publicKey).toRawBytes(false)
  return {
    privateKey: node.privateKey,
    publicKey,
    chainCode: node.chainCode,
    address: publicKeyToAddress(publicKey),
  }
}

/** EIP-55 address of a 65-byte uncompressed public key. */
export function publicKeyToAddress(publicKey: Uint8Array): Address {
  return getAddress(`0x${keccak256(publicKey.subarray(1)).slice(-40)}`)
}
