import { decodeMessage, encodeMessage, parseConfigure } from '@trezor/protobuf'
import messages from '@trezor/protobuf/messages.json' with { type: 'json' }
import type { WireFrame } from '../usb/framing.js'

/**
 * A firmware message as `@trezor/protobuf` decodes it: `bytes` fields are hex strings without `0x`,
 * enums are their names, absent optional fields are `null`.
 */
export type WireMessage = {
  readonly type: string
  readonly message: Record<string, any>
}

const root = parseConfigure(messages as Parameters<typeof parseConfigure>[0])

/** Encodes a firmware message with the protobuf definitions `@trezor/connect` uses. */
export function encodeWireMessage({ type, message }: WireMessage): WireFrame {
  const encoded = encodeMessage(root, type, message)
  return { messageType: encoded.messageType, payload: new Uint8Array(encoded.message) }
}

/** Decodes a firmware message by its type id. */
export function decodeWireMessage({ messageType, payload }: WireFrame): WireMessage {
  return decodeMessage(root, messageType, payload as Parameters<typeof decodeMessage>[2])
}

/** One-line description of a message for the exchange log. */
export function describeWireMessage({ type, message }: WireMessage): string {
  const fields = Object.entries(message).filter(
    ([, value]) => value !== null && value !== undefined,
  )
  return fields.length === 0 ? type : `${type} ${JSON.stringify(Object.fromEntries(fields))}`
}
