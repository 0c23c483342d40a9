import { secp256k1 } from '@noble/curves/secp256k1'
import { HDKey } from '@scure/bip32'
import { mnemonicToSeedSync, validateMnemonic } from '@scure/bip39'
import { wordlist } from '@scure/bip39/wordlists/english'
import type { Address, Hex } from 'viem'
import { bytesToHex, publicKeyToAddress } from 'viem/utils'
import { type DigestSignature, ecdsaSign } from '../../common/signing.js'

/** Thrown when the emulator is given a mnemonic that is not valid BIP-39 English. */
export class TrezorEmulatorMnemonicError extends Error {
  override name = 'TrezorEmulatorMnemonicError'
  constructor() {
    super('The emulator mnemonic is not a valid BIP-39 English mnemonic.')
  }
}

/**
 * The device's keys: BIP-32 nodes from a BIP-39 mnemonic. TEST KEYS ONLY. Holds the seed in a closure and
 * never exposes private keys.
 */
export type TrezorKeychain = {
  /** The node at `path` (public data only is ever read from it outside this file). */
  readonly node: (path: readonly number[]) => HDKey
  readonly ethereumAddress: (path: readonly number[]) => Address
  readonly sign: (path: readonly number[], digest: Uint8Array) => DigestSignature
}

/** Derives the keychain for a mnemonic and optional BIP-39 passphrase. */
export function createKeychain(mnemonic: string, passphrase = ''): TrezorKeychain {
  const normalized = mnemonic.normalize('NFKD').trim().split(/\s+/).join(' ')
  if (!validateMnemonic(normalized, wordlist)) throw new TrezorEmulatorMnemonicError()
  const master = HDKey.fromMasterSeed(mnemonicToSeedSync(normalized, passphrase))
  const cache = new Map<string, HDKey>()
  const node = (path: readonly number[]) => {
    const key = path.join('/')
    let derived = cache.get(key)
    if (!derived) {
      derived = path.reduce((parent, index) => parent.deriveChild(index), master)
      cache.set(key, derived)
    }
    return derived
  }
  return {
    node,
    ethereumAddress: (path) => ethereumAddressOf(node(path)),
    sign: (path, digest) => ecdsaSign(node(path).privateKey!, digest),
  }
}

/** Checksummed Ethereum address of a node. */
export function ethereumAddressOf(node: HDKey): Address {
  const uncompressed = secp256k1.ProjectivePoint.fromHex(node.publicKey!).toRawBytes(false)
  return publicKeyToAddress(bytesToHex(uncompressed) as Hex)
}
