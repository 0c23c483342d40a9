import type { TrezorHandler } from '../workflow/workflow.js'
import { formatPath } from './hdNode.js'

/** `EthereumGetAddress`: the EIP-55 address, shown on the device when `show_display` is set. */
export const ethereumGetAddress: TrezorHandler = async ({ message }, workflow) => {
  const address = workflow.keychain.ethereumAddress(message.address_n)
  if (message.show_display) {
    await workflow.confirm('address', [
      { title: 'Address', value: address, code: 'ButtonRequest_Address' },
      { title: 'Path', value: formatPath(message.address_n) },
    ])
  }
  return { type: 'EthereumAddress', message: { address } }
}
