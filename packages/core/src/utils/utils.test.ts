import { describe, expect, test, vi } from 'vitest'
import { compareVersions } from './compareVersions.js'
import { loadOnce } from './loadOnce.js'
import { raceAbortSignal } from './raceAbortSignal.js'
import { unwrapDefault } from './unwrapDefault.js'

describe('raceAbortSignal', () => {
  test('settles as the promise does while the signal stays quiet', async () => {
    const controller = new AbortController()
    await expect(raceAbortSignal(Promise.resolve(1), controller.signal)).resolves.toBe(1)
    await expect(
      raceAbortSignal(Promise.reject(new Error('no')), controller.signal),
    ).rejects.toThrow('no')
    await expect(raceAbortSignal(Promise.resolve(2), undefined)).resolves.toBe(2)
  })

  test('rejects with the reason on abort; a late value goes to onLate', async () => {
    const controller = new AbortController()
    let open!: (value: string) => void
    const onLate = vi.fn()
    const raced = raceAbortSignal(new Promise<string>((r) => (open = r)), controller.signal, onLate)
    controller.abort(new Error('gave up'))
    await expect(raced).rejects.toThrow('gave up')
    open('transport')
    await vi.waitFor(() => expect(onLate).toHaveBeenCalledWith('transport'))
  })

  test('an already aborted signal rejects at once', async () => {
    const onLate = vi.fn()
    await expect(
      raceAbortSignal(Promise.resolve('late'), AbortSignal.abort(new Error('before')), onLate),
    ).rejects.toThrow('before')
    await vi.waitFor(() => expect(onLate).toHaveBeenCalledWith('late'))
  })
})

describe('loadOnce', () => {
  test('loads once for concurrent and later calls; retries after a failure', async () => {
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('chunk failed'))
      .mockResolvedValue('module')
    const get = loadOnce(load)
    await expect(get()).rejects.toThrow('chunk failed')
    expect(await Promise.all([get(), get()])).toEqual(['module', 'module'])
    await get()
    expect(load).toHaveBeenCalledTimes(2)
  })
})

describe('unwrapDefault', () => {
  const isClass = (candidate: unknown) => typeof candidate === 'function'
  class Transport {}
  test.each([
    ['as is', Transport],
    ['one default', { default: Transport }],
    ['two defaults', { default: { default: Transport } }],
  ])('%s', (_, module) => {
    expect(unwrapDefault(module, isClass)).toBe(Transport)
  })
  test('undefined when no level matches', () => {
    expect(unwrapDefault({ default: { default: { default: Transport } } }, isClass)).toBe(undefined)
    expect(unwrapDefault(null, isClass)).toBe(undefined)
  })
})

describe('compareVersions', () => {
  test.each([
    ['1.16.0', '1.9.0', 1],
    ['1.9.0', '1.16.0', -1],
    ['2.9.1', '2.9.1', 0],
    ['1.10.0-rc1', '1.10.0', 0],
    ['1.10', '1.10.0', 0],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign)
  })
})
