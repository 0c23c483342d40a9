// What both pages (RainbowKit's, AppKit's) show around their picker: the device's last status in a
// banner, the account, and buttons that sign and send on it. Plain JavaScript, no JSX.
import { createElement as h, useSyncExternalStore } from 'react'
import { parseEther } from 'viem'
import { useAccount, useDisconnect, useSendTransaction, useSignMessage } from 'wagmi'

/**
 * The device's last status, for the page's banner (neither picker shows a connector's error text):
 * the remedy of a failed connect, the step the user is on, or nothing once done.
 */
export function createDeviceStatus() {
  const store = createStore('')
  return {
    get: store.get,
    subscribe: store.subscribe,
    onStatus(status) {
      if (status.type === 'error') store.set(status.error.metaMessages?.[0] ?? status.error.message)
      else if (status.type === 'done') store.set('')
      else store.set(status.type)
    },
  }
}

/** The page: the status banner, the picker's button, the account and what to do with it. */
export function AccountPage({ deviceStatus, connectButton, message }) {
  const { address, status } = useAccount()
  const { disconnect } = useDisconnect()
  const signing = useSignMessage()
  const sending = useSendTransaction()
  const remedy = useSyncExternalStore(deviceStatus.subscribe, deviceStatus.get)
  return h(
    'main',
    { style: { fontFamily: 'sans-serif', padding: 24 } },
    // Above the picker's modal, so that a screenshot shows both.
    h('p', { id: 'device-status', style: banner }, remedy),
    connectButton,
    h('p', null, 'Status: ', h('span', { id: 'status' }, status)),
    h('p', null, 'Account: ', h('output', { id: 'address' }, address ?? '')),
    status === 'connected' &&
      h(
        'p',
        null,
        h(
          'button',
          { type: 'button', onClick: () => signing.signMessage({ message }) },
          'Sign message',
        ),
        h(
          'button',
          {
            type: 'button',
            onClick: () =>
              sending.sendTransaction({
                to: '0x000000000000000000000000000000000000dEaD',
                value: parseEther('0.001'),
              }),
          },
          'Send transaction',
        ),
        h('button', { type: 'button', onClick: () => disconnect() }, 'Disconnect'),
      ),
    h('p', null, 'Signature: ', h('output', { id: 'signature' }, signing.data ?? '')),
    h('p', null, 'Transaction: ', h('output', { id: 'transaction' }, sending.data ?? '')),
    h('p', { id: 'error' }, (signing.error ?? sending.error)?.message ?? ''),
  )
}

const banner = {
  position: 'fixed',
  top: 0,
  left: 0,
  right: 0,
  margin: 0,
  padding: 8,
  minHeight: 20,
  textAlign: 'center',
  background: '#fff3cd',
  zIndex: 2147483647,
}

function createStore(initial) {
  let value = initial
  const listeners = new Set()
  return {
    get: () => value,
    set(next) {
      value = next
      for (const listener of listeners) listener()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
