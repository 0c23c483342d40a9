import type { TrezorHandler } from '../workflow/workflow.js'
import { extendedPublicKey, hdNodeMessage, xpubVersions } from './hdNode.js'

/** `EthereumGetPublicKey`: the node and its `xpub`. */
export const ethereumGetPublicKey: TrezorHandler = async ({ message }, workflow) => {
  const node = workflow.keychain.node(message.address_n)
  const xpub = extendedPublicKey(node, xpubVersions.xpub)
  if (message.show_display) {
    await workflow.confirm('address', [
      { title: 'Public key', value: xpub, code: 'ButtonRequest_PublicKey' },
    ])
  }
  return { type: 'EthereumPublicKey', message: { node: hdNodeMessage(node), xpub } }
}
