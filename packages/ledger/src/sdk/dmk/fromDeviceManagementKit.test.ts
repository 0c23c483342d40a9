/**
 * A real Device Management Kit (1.10, Ledger's successor to LedgerJS) with a transport kit whose
 * device is the Ledger emulator: Airlock signs on a DMK session the app holds, with the same APDUs
 * as over hw-transport, and DMK's session refresher never lands between the APDUs of a request.
 */
import {
  DeviceBusyError,
  DeviceDisconnectedError,
  DeviceLockedError,
  discoverAccounts,
  type HardwareAccount,
  UserRejectedOnDeviceError,
} from '@airlock/core'
import { createLedgerEmulator, type LedgerEmulator, testMnemonic } from '@airlock/emulator'
import { permit } from '@airlock/fixtures/permit'
import {
  type DeviceManagementKit,
  DeviceManagementKitBuilder,
} from '@ledgerhq/device-management-kit'
import { firstValueFrom } from 'rxjs'
import { type Address, encodeFunctionData, erc20Abi, parseEther, parseGwei } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { afterEach, describe, expect, test } from 'vitest'
import { emulatorDmkTransport } from '../../_test/emulatorDmkTransport.js'
import { toLedgerError } from '../../driver/toLedgerError.js'
import { fromDeviceManagementKit } from '../../exports/dmk.js'
import { toLedgerAccount } from '../../toLedgerAccount.js'
import type { LedgerTransport, OpenLedgerTransport } from '../../types.js'

const reference = mnemonicToAccount(testMnemonic)
const path = "m/44'/60'/0'/0/0"
const recipient: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const usdc: Address = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48'
const simple7702Account: Address = '0x4Cd241E8d1510e30b2076397afc7508Ae59C66c9'
const usdcPermit = permit({
  domain: { name: 'USD Coin', version: '2', chainId: 1, verifyingContract: usdc },
  owner: reference.address,
  spender: recipient,
  value: 1_000_000n,
  deadline: 1_900_000_000n,
})

const kits: DeviceManagementKit[] = []
afterEach(() => {
  for (const dmk of kits.splice(0)) dmk.close()
})

async function openDmkSession(emulator: LedgerEmulator, refresher: 'on' | 'off') {
  const dmk = new DeviceManagementKitBuilder().addTransport(emulatorDmkTransport(emulator)).build()
  kits.push(dmk)
  const connect = async () =>
    dmk.connect({
      device: await firstValueFrom(dmk.startDiscovering({})),
      sessionRefresherOptions: { isRefresherDisabled: refresher === 'off' },
    })
  return { dmk, sessionId: await connect(), connect }
}

/** Every kind of request Airlock sends, once each. */
async function signEveryKind(account: HardwareAccount) {
  await account.verifyAddress()
  await discoverAccounts(account.signer, { scheme: 'bip44', limit: 2 })
  const transfer = { to: recipient, value: parseEther('0.1'), nonce: 3, gas: 21_000n }
  return [
    await account.signMessage({ message: 'Airlock over DMK' }),
    await account.signTransaction({ ...transfer, chainId: 1, gasPrice: parseGwei('20') }),
    await account.signTransaction({
      ...transfer,
      chainId: 1,
      maxFeePerGas: parseGwei('30'),
      maxPriorityFeePerGas: parseGwei('1'),
    }),
    await account.signTransaction({
      chainId: 1,
      to: usdc,
      nonce: 4,
      gas: 60_000n,
      maxFeePerGas: parseGwei('30'),
      maxPriorityFeePerGas: parseGwei('1'),
      data: encodeFunctionData({
        abi: erc20Abi,
        functionName: 'transfer',
        args: [recipient, 1_500_000n],
      }),
    }),
    await account.signTypedData(usdcPermit),
    await account.signAuthorization!({ contractAddress: simple7702Account, chainId: 1, nonce: 7 }),
  ]
}

async function runOver(transport: (emulator: LedgerEmulator) => Promise<LedgerTransport>) {
  const emulator = createLedgerEmulator({ model: 'flex', eip7702: true })
  const opened = await transport(emulator)
  // DMK pings the device once when it opens a session.
  emulator.clearLogs()
  const account = await toLedgerAccount({ transport: opened, path })
  const signatures = await signEveryKind(account)
  const exchanges = emulator.exchanges.map(({ request, response }) => `${request} → ${response}`)
  return { signatures, exchanges, reviews: emulator.reviews.length }
}

describe('fromDeviceManagementKit', () => {
  test('signs every request kind with the same APDUs as hw-transport, byte for byte', async () => {
    const overUsb = await runOver(async (emulator) => emulator.transport)
    const overDmk = await runOver(async (emulator) => {
      const { dmk, sessionId } = await openDmkSession(emulator, 'off')
      return fromDeviceManagementKit({ dmk, sessionId })
    })
    expect(overDmk.exchanges.length).toBeGreaterThan(30)
    expect(overDmk.exchanges).toEqual(overUsb.exchanges)
    expect(overDmk.signatures).toEqual(overUsb.signatures)
    expect(overDmk.reviews).toBe(overUsb.reviews)
    expect(overDmk.signatures[0]).toBe(await reference.signMessage({ message: 'Airlock over DMK' }))
  })

  test("the session refresher's GET APP AND VERSION never lands inside a request", async () => {
    const emulator = createLedgerEmulator({ model: 'flex' })
    const { dmk, sessionId } = await openDmkSession(emulator, 'on')
    const isRefresh = (request: string) => request.startsWith('b001')
    // A host that works between APDUs (hashing, loading descriptors, a slow phone): idle gaps in
    // which the refresher polls.
    const slowHost = <transport extends OpenLedgerTransport>(transport: transport): transport => {
      const exchange = transport.exchange.bind(transport)
      transport.exchange = async (apdu: Buffer) => {
        await new Promise((resolve) => setTimeout(resolve, 100))
        return exchange(apdu)
      }
      return transport
    }
    // Ledger Live's DmkCompatTransport shape: one `dmk.sendApdu` per APDU, nothing held.
    const perApdu = slowHost({
      exchange: async (apdu: Buffer) => {
        const { data, statusCode } = await dmk.sendApdu({ sessionId, apdu: new Uint8Array(apdu) })
        return Buffer.concat([data, statusCode])
      },
    } as unknown as OpenLedgerTransport)
    const held = async () => slowHost(await fromDeviceManagementKit({ dmk, sessionId })())
    const interleaved = async (transport: LedgerTransport) => {
      const account = await toLedgerAccount({ transport, path })
      emulator.clearLogs()
      await account.signTypedData(usdcPermit)
      const requests = emulator.exchanges.map(({ request }) => request)
      const first = requests.findIndex((request) => !isRefresh(request))
      const last = requests.length - 1 - [...requests].reverse().findIndex((r) => !isRefresh(r))
      expect(last - first).toBeGreaterThan(15)
      return requests.slice(first, last).filter(isRefresh).length
    }
    // The control: without a hold, the refresher's polls (every second) land mid-request.
    expect(await interleaved(perApdu)).toBeGreaterThan(0)
    expect(await interleaved(held)).toBe(0)
    // The refresher still runs between requests.
    emulator.clearLogs()
    await new Promise((resolve) => setTimeout(resolve, 1_200))
    expect(emulator.exchanges.some(({ request }) => isRefresh(request))).toBe(true)
  }, 30_000)

  test('rejection, locked device and disconnection map as over USB; a new session is picked up', async () => {
    const emulator = createLedgerEmulator({ model: 'stax' })
    const { dmk, sessionId, connect } = await openDmkSession(emulator, 'off')
    let current = sessionId
    const account = await toLedgerAccount({
      transport: fromDeviceManagementKit({ dmk, sessionId: () => current }),
      path,
    })

    emulator.setUser('reject')
    await expect(account.signMessage({ message: 'no' })).rejects.toThrowError(
      UserRejectedOnDeviceError,
    )
    emulator.setUser('approve')
    emulator.lock()
    await expect(account.signMessage({ message: 'locked' })).rejects.toThrowError(DeviceLockedError)
    emulator.unlock()

    await emulator.unplug()
    await expect(account.signMessage({ message: 'gone' })).rejects.toThrowError(
      DeviceDisconnectedError,
    )
    await emulator.plug()
    // DMK closed the session with the device; the app connects again and Airlock follows.
    await expect(account.signMessage({ message: 'stale' })).rejects.toThrowError(
      DeviceDisconnectedError,
    )
    current = await connect()
    expect(await account.signMessage({ message: 'back' })).toBe(
      await reference.signMessage({ message: 'back' }),
    )
  })

  test('DMK errors map by tag', () => {
    expect(toLedgerError({ _tag: 'DeviceSessionNotFound' }, 'signMessage')).toBeInstanceOf(
      DeviceDisconnectedError,
    )
    expect(toLedgerError({ _tag: 'AlreadySendingApduError' }, 'signMessage')).toBeInstanceOf(
      DeviceBusyError,
    )
    expect(toLedgerError({ _tag: 'SomethingNew' }, 'signMessage').message).toMatch(/SomethingNew/)
  })

  test('nothing of DMK loads until the first call', async () => {
    let touched = 0
    const dmk = new Proxy(
      {},
      {
        get() {
          touched++
          return () => {}
        },
      },
    )
    const transport = fromDeviceManagementKit({ dmk: dmk as never, sessionId: 'x' })
    await toLedgerAccount({ transport, path }).catch(() => {})
    expect(touched).toBeGreaterThan(0)
    touched = 0
    fromDeviceManagementKit({ dmk: dmk as never, sessionId: 'x' })
    expect(touched).toBe(0)
  })
})
