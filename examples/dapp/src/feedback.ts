import type { HardwareSigner } from '@airlock/core'
import {
  findError,
  type SigningDisplay,
  signingDisplay,
  signingDisplayText,
  statusText,
  toAdvice,
} from './advice.js'

// Looked up on use: the wagmi and ethers pages render these elements after this module loads.
const status = () => document.querySelector<HTMLElement>('#status')!
const statusLine = () => document.querySelector<HTMLElement>('#status-text')!
const stopWaiting = () => document.querySelector<HTMLButtonElement>('#stop-waiting')!
const advice = () => document.querySelector<HTMLElement>('#advice')!
const signingNote = () => document.querySelector<HTMLElement>('#signing-note')!

function showStatus(text: string | undefined) {
  status().hidden = text === undefined
  statusLine().textContent = text ?? ''
}

/**
 * Says whether the device will show the request in clear or blind-sign it. It stays until the next
 * action, so it is still there beside the error when the device refuses to blind-sign.
 */
function showSigningNote(display: SigningDisplay | undefined, device: string) {
  signingNote().hidden = display === undefined
  signingNote().dataset.display = display?.display ?? ''
  signingNote().textContent = display ? signingDisplayText(display, device) : ''
}

/** Shows the signer's progress ("Unlock your Ledger", "Confirm on your device") in the banner. */
export function watch(signer: HardwareSigner, device: string): () => void {
  return signer.onStatus((event) => {
    if (event.type === 'error') return
    showStatus(statusText(event, device))
    const display = signingDisplay(event)
    if (display) showSigningNote(display, device)
  })
}

/** Shows an error as advice: the short message, then what to do. */
export function showAdvice(error: unknown) {
  const { title, lines, name } = toAdvice(error)
  advice().hidden = false
  advice().dataset.error = name
  const heading = document.createElement('strong')
  heading.textContent = title
  const list = document.createElement('ul')
  list.append(
    ...lines.map((line) => {
      const item = document.createElement('li')
      item.textContent = line
      return item
    }),
  )
  advice().replaceChildren(heading, ...(lines.length ? [list] : []))
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

let busy = false

/**
 * Runs one user action: clears the old advice, disables the buttons, and shows the outcome. While
 * the device is locked or in another app, it keeps asking (the banner says what to do) until the
 * person fixes it or clicks "Stop waiting".
 */
export async function act(action: () => Promise<void>): Promise<void> {
  if (busy) return
  busy = true
  advice().hidden = true
  delete advice().dataset.error
  showSigningNote(undefined, '')
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('main button')].filter(
    (button) => !button.disabled && button !== stopWaiting(),
  )
  for (const button of buttons) button.disabled = true
  const stop = new AbortController()
  stopWaiting().onclick = () => stop.abort()
  try {
    for (;;) {
      try {
        await action()
        showStatus(undefined)
        return
      } catch (error) {
        if (stop.signal.aborted || !findError(error, 'DeviceLockedError', 'AppNotOpenError'))
          throw error
        stopWaiting().hidden = false
        await wait(1500, stop.signal)
      }
    }
  } catch (error) {
    showStatus(undefined)
    showAdvice(error)
    console.error(error)
  } finally {
    stopWaiting().hidden = true
    for (const button of buttons) button.disabled = false
    busy = false
  }
}
