import type { TrezorDeviceParts } from '../deviceParts.js'
import {
  actionCancelled,
  failureMessage,
  TrezorDeviceFailure,
  TrezorWorkflowInterrupted,
} from '../failures.js'
import { firmwareRoutes } from '../firmware/router.js'
import type { WireMessage } from '../wire/codec.js'
import { createWorkflow } from './createWorkflow.js'
import { enterPin } from './pinEntry.js'

/**
 * Answers one request as the firmware does: with its answer, or with the `Failure` its workflow
 * ended in. An interrupted workflow answers nothing.
 */
export async function dispatch(
  device: TrezorDeviceParts,
  message: WireMessage,
  signal: AbortSignal,
): Promise<void> {
  try {
    await device.link.send(await answer(device, message, signal))
  } catch (error) {
    if (error instanceof TrezorDeviceFailure) {
      await device.link.send(failureMessage(error.code, error.message))
    } else if (!(error instanceof TrezorWorkflowInterrupted)) {
      const text = String((error as Error)?.message ?? error)
      await device.link.send(failureMessage('Failure_FirmwareError', text))
    }
  }
}

async function answer(
  device: TrezorDeviceParts,
  message: WireMessage,
  signal: AbortSignal,
): Promise<WireMessage> {
  switch (message.type) {
    case 'Initialize':
      device.session.initialize(message.message.session_id)
      return { type: 'Features', message: device.session.features(device.locked) }
    case 'GetFeatures':
      return { type: 'Features', message: device.session.features(device.locked) }
    case 'Cancel':
      throw actionCancelled(device.model)
    case 'LockDevice':
      device.locked = true
      return { type: 'Success', message: {} }
    case 'EndSession':
      device.session.end()
      return { type: 'Success', message: {} }
  }
  const route = firmwareRoutes[message.type]
  if (!route) throw new TrezorDeviceFailure('Failure_UnexpectedMessage', 'Unexpected message')
  const workflow = createWorkflow(device, route.operation, signal)
  if (device.locked) await enterPin(device, route.operation, signal)
  return route.handler(message, workflow)
}
