import { concatBytes, hexToBytes, keccak256 } from 'viem/utils'
import { dataError, TrezorDeviceFailure } from '../failures.js'
import type { TrezorHandler } from '../workflow/workflow.js'
import { messageSignatureHex } from './ethereumSignature.js'

/**
 * `EthereumSignTypedHash`: Model One (T1B1) signs EIP-712 hashes computed by the host:
 * keccak256(0x1901 ‖ domain_separator_hash ‖ message_hash?). Other models do not know the message.
 */
export const ethereumSignTypedHash: TrezorHandler = async ({ message }, workflow) => {
  if (workflow.model !== 'T1B1') {
    throw new TrezorDeviceFailure('Failure_UnexpectedMessage', 'Unexpected message')
  }
  const domain = hexToBytes(`0x${message.domain_separator_hash ?? ''}`)
  const hash = hexToBytes(`0x${message.message_hash ?? ''}`)
  if (domain.length !== 32 || (hash.length !== 0 && hash.length !== 32)) {
    throw dataError('Invalid hash length')
  }
  const address = workflow.keychain.ethereumAddress(message.address_n)
  await workflow.confirm('typed-data', [
    { title: 'Address', value: address, code: 'ButtonRequest_Other' },
    {
      title: 'Domain hash',
      value: `0x${message.domain_separator_hash}`,
      code: 'ButtonRequest_Other',
    },
    ...(hash.length
      ? [{ title: 'Message hash', value: `0x${message.message_hash}`, code: 'ButtonRequest_Other' }]
      : []),
  ])
  const digest = keccak256(concatBytes([new Uint8Array([0x19, 0x01]), domain, hash]))
  const signature = workflow.sign(message.address_n, hexToBytes(digest))
  return {
    type: 'EthereumTypedDataSignature',
    message: { address, signature: messageSignatureHex(signature) },
  }
}
