import type { DeviceContext, DeviceOperation } from '@airlock/core'
import type { TrezorConnectLike } from '../types.js'
import type { TrezorDisplay } from './toTrezorDisplay.js'

/**
 * Reports Connect's UI events as status while a call runs: `ui-button` (a screen to confirm, with
 * how the device shows the request, or PIN entry on the device), `ui-request_pin` (the Model One's
 * PIN matrix on the host) and `ui-select_device` (no Trezor connected yet: Connect waits for one).
 * Without `on`, announces `confirm` before the call. Returns the function that stops listening.
 */
export function forwardConnectStatus(
  connect: TrezorConnectLike,
  operation: DeviceOperation,
  context: DeviceContext,
  confirm: TrezorDisplay | undefined,
): () => void {
  const confirmOnDevice = (shown: Omit<TrezorDisplay, 'reason'>) =>
    context.status({ type: 'confirm-on-device', operation, ...shown })
  if (!connect.on || !connect.off) {
    if (confirm) confirmOnDevice(confirm)
    return () => {}
  }
  let confirming = false
  const onButton = (payload: { code?: string } | undefined) => {
    if (payload?.code === 'ButtonRequest_PinEntry') return context.status({ type: 'unlock-device' })
    if (confirming) return
    confirming = true
    // A screen in a call that shows nothing to sign (a passphrase prompt, say) is not blind.
    confirmOnDevice(confirm ?? { display: 'clear' })
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
