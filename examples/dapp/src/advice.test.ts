import type { DeviceStatus } from '@airlock/core'
import { describe, expect, test } from 'vitest'
import { signingDisplay, signingDisplayText } from './advice.js'

// The status as core sends it once the driver knows how the device will show the request.
const confirm = (extra: object) =>
  ({ type: 'confirm-on-device', operation: 'signTransaction', ...extra }) as DeviceStatus

describe('signingDisplay', () => {
  test('reads display and reason from a confirm-on-device status', () => {
    expect(signingDisplay(confirm({ display: 'clear', reason: 'USDC token info' }))).toEqual({
      display: 'clear',
      reason: 'USDC token info',
    })
    expect(signingDisplay(confirm({ display: 'blind' }))).toEqual({
      display: 'blind',
      reason: undefined,
    })
  })

  test('says nothing when the driver does not say, or for other statuses', () => {
    expect(signingDisplay(confirm({}))).toBeUndefined()
    expect(signingDisplay(confirm({ display: 'sideways' }))).toBeUndefined()
    expect(signingDisplay({ type: 'unlock-device' })).toBeUndefined()
  })
})

describe('signingDisplayText', () => {
  test('clear: what the device will show, with the reason', () => {
    expect(signingDisplayText({ display: 'clear', reason: 'USDC token info' }, 'Ledger')).toBe(
      'Your Ledger will show this in clear (USDC token info): check every field on its screen.',
    )
  })

  test('blind: a warning that the device shows only a hash or raw data, and why', () => {
    const text = signingDisplayText({ display: 'blind', reason: 'no metadata' }, 'Ledger')
    expect(text).toMatch(/^Warning: your Ledger will blind-sign this \(no metadata\)\./)
    expect(text).toContain('only a hash or raw data')
  })
})
