import type { DeviceOperation, DeviceStatus } from '@airlock/core'

/** What the page shows for an error: one sentence, then what to do. */
export type Advice = { title: string; lines: readonly string[]; name: string }

/**
 * Every error below the one thrown: viem and Airlock chain with `cause`, EIP-1193 errors as wrapped
 * by ethers sit under `error` and `info.error`.
 */
function* chain(error: unknown): Generator<object> {
  const seen = new Set<unknown>()
  let pending: unknown[] = [error]
  while (pending.length > 0) {
    const next: unknown[] = []
    for (const current of pending) {
      if (!current || typeof current !== 'object' || seen.has(current)) continue
      seen.add(current)
      yield current
      const {
        cause,
        error: inner,
        info,
      } = current as { cause?: unknown; error?: unknown; info?: { error?: unknown } }
      next.push(cause, inner, info?.error)
    }
    pending = next
  }
}

/** The first error in the chain with this name (class names, as the Ledger SDK's copies may differ). */
export function findError(error: unknown, ...names: string[]): object | undefined {
  for (const current of chain(error))
    if (names.includes((current as { name?: unknown }).name as string)) return current
  return undefined
}

/** Turns any error into advice: the Airlock error's short message and remedies where there is one. */
export function toAdvice(error: unknown): Advice {
  for (const current of chain(error)) {
    const { version, shortMessage, metaMessages, name } = current as {
      version?: unknown
      shortMessage?: unknown
      metaMessages?: unknown
      name?: unknown
    }
    if (
      typeof version === 'string' &&
      version.startsWith('@airlock/') &&
      typeof shortMessage === 'string'
    )
      return {
        title: shortMessage,
        lines: Array.isArray(metaMessages)
          ? metaMessages.filter((line) => typeof line === 'string')
          : [],
        name: String(name),
      }
  }
  const first = error as { shortMessage?: unknown; message?: unknown; name?: unknown } | undefined
  const title =
    typeof first?.shortMessage === 'string' ? first.shortMessage : String(first?.message ?? error)
  return { title, lines: [], name: String(first?.name ?? 'Error') }
}

const confirmText: Record<DeviceOperation, string> = {
  getCapabilities: 'Keep your {device} connected.',
  getAddress: 'Compare the address on your {device} with the one on this page, then confirm.',
  getExtendedPublicKey: 'Confirm the export of the account list on your {device}.',
  signTransaction: 'Review the transaction on your {device}, then confirm it.',
  signMessage: 'Read the message on your {device}, then sign it.',
  signTypedData: 'Review the permit on your {device}, then sign it.',
  signAuthorization: 'Review the delegation on your {device}, then sign it.',
}

/** What the person should do now, from `signer.onStatus`; `undefined` clears the banner. */
export function statusText(status: DeviceStatus, device: string): string | undefined {
  switch (status.type) {
    case 'connecting':
      return `Connecting to your ${device}… choose it in the browser's list if asked.`
    case 'unlock-device':
      return `Unlock your ${device} with its PIN.`
    case 'open-app':
      return `Open the ${status.appName} app on your ${device}.`
    case 'confirm-on-device':
      return `Confirm on your device: ${confirmText[status.operation].replace('{device}', device)}`
    default:
      return undefined
  }
}

/** How the device will show a request: every field (`clear`) or only a hash or raw data (`blind`). */
export type SigningDisplay = { display: 'clear' | 'blind'; reason: string | undefined }

/**
 * The `display` and `reason` of a `confirm-on-device` status; nothing for a driver that does not
 * say (a third vendor's, written before `display`).
 */
export function signingDisplay(status: DeviceStatus): SigningDisplay | undefined {
  if (status.type !== 'confirm-on-device') return undefined
  const { display, reason } = status
  if (display !== 'clear' && display !== 'blind') return undefined
  return { display, reason }
}

/** Tells the person, before the device asks, whether it will show what they approve. */
export function signingDisplayText({ display, reason }: SigningDisplay, device: string): string {
  const why = reason ? ` (${reason})` : ''
  return display === 'clear'
    ? `Your ${device} will show this in clear${why}: check every field on its screen.`
    : `Warning: your ${device} will blind-sign this${why}. It shows only a hash or raw data, not what you approve. Approve only if you trust this site and this request.`
}
