import type { DeviceContext, DeviceOperation } from '@airlock/core'
import type { TrezorConnectLike } from '../types.js'

/**
 * Reports Connect's UI events as status while a call runs: `ui-button` (a screen to confirm, or PIN
 * entry on the device), `ui-request_pin` (the Model One's PIN matrix on the host) and
 * `ui-select_device` (no Trezor connected yet: Connect waits for one). Without `on`, announces
 * confirmation before each call that needs one. Returns the function that stops listening.
 */
export function forwardConnectStatus(
  connect: TrezorConnectLike,
  operation: DeviceOperation,
  context: DeviceContext,
  confirm: boolean,
): () => void {
  if (!connect.on || !connect.off) {
    if (confirm) context.status({ type: 'confirm-on-device', operation })
    return () => {}
  }
  let confirming = false
  const onButton = (payload: { code?: string } | undefined) => {
    if (payload?.code === 'ButtonRequest_PinEntry') return context.status({ type: 'unlock-device' })
    if (confirming) return
    confirming = true
    context.status({ type: 'confirm-on-device', operation })
  }
  const onPin = () => context.status({ type: 'unlock-device' })
  const onSelectDevice = () => context.status({ type: 'connecting' })
  connect.on('ui-button', onButton)
  connect.on('ui-request_pin', onPin)
  connect.on('ui-select_device', onSelectDevice)
  return () => {
    connect.off?.('ui-button', onButton)
    connect.off?.('ui-request_pin', onPin)
    connect.off?.('ui-select_device', onSelectDevice)
  }
}
