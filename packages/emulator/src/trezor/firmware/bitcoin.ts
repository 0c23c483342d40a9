import { ripemd160 } from '@noble/hashes/legacy'
import { sha256 } from '@noble/hashes/sha2'
import { dataError } from '../failures.js'
import type { TrezorHandler } from '../workflow/workflow.js'
import { base58check } from './base58check.js'
import { extendedPublicKey, formatPath, hdNodeMessage, xpubVersions } from './hdNode.js'

const coins: Record<string, { readonly addressVersion: number; readonly xpub: number }> = {
  Bitcoin: { addressVersion: 0x00, xpub: xpubVersions.xpub },
  Testnet: { addressVersion: 0x6f, xpub: xpubVersions.tpub },
}

function coinOf(name: string | null) {
  const coin = coins[name ?? 'Bitcoin']
  if (!coin) throw dataError('Unsupported coin type')
  return coin
}

function assertLegacyScript(scriptType: string | null, multisig: { pubkeys?: unknown[] } | null) {
  if ((scriptType ?? 'SPENDADDRESS') !== 'SPENDADDRESS' || multisig?.pubkeys?.length) {
    throw dataError('The emulator only derives legacy (SPENDADDRESS) addresses')
  }
}

/**
 * `GetAddress` for Bitcoin and Testnet legacy addresses. Connect asks the Testnet address at
 * m/44'/1'/0'/0/0 on every call to identify the wallet (its `staticSessionId`).
 */
export const getAddress: TrezorHandler = async ({ message }, workflow) => {
  const coin = coinOf(message.coin_name)
  assertLegacyScript(message.script_type, message.multisig)
  const node = workflow.keychain.node(message.address_n)
  const address = base58check(
    new Uint8Array([coin.addressVersion, ...ripemd160(sha256(node.publicKey!))]),
  )
  if (message.show_display) {
    await workflow.confirm('address', [
      { title: 'Address', value: address, code: 'ButtonRequest_Address' },
      { title: 'Path', value: formatPath(message.address_n) },
    ])
  }
  return { type: 'Address', message: { address } }
}

/** `GetPublicKey` for secp256k1 nodes of Bitcoin and Testnet. */
export const getPublicKey: TrezorHandler = async ({ message }, workflow) => {
  if ((message.ecdsa_curve_name ?? 'secp256k1') !== 'secp256k1')
    throw dataError('Unsupported curve')
  const coin = coinOf(message.coin_name)
  assertLegacyScript(message.script_type, null)
  const node = workflow.keychain.node(message.address_n)
  const xpub = extendedPublicKey(node, coin.xpub)
  if (message.show_display) {
    await workflow.confirm('address', [
      { title: 'Public key', value: xpub, code: 'ButtonRequest_PublicKey' },
    ])
  }
  return { type: 'PublicKey', message: { node: hdNodeMessage(node), xpub } }
}
