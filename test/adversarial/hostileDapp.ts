/**
 * A hostile dApp's view of Airlock: a `createHardwareProvider` over an emulated Ledger or Trezor,
 * nodes for chains 1 and 137 that answer after `latency` ms, and what the device and the nodes saw.
 * TEST KEYS ONLY.
 */
import {
  type BlindSigningPolicy,
  type DeviceStatus,
  type HardwareAccount,
  toHardwareAccount,
} from '@airlock/core'
import {
  createLedgerEmulator,
  createTrezorEmulator,
  type EmulatorControls,
  type EmulatorUser,
} from '@airlock/emulator'
import { createTestRpc, type TestRpc } from '@airlock/fixtures/testRpc'
import { createLedgerSigner } from '@airlock/ledger'
import { createHardwareProvider, type HardwareProvider } from '@airlock/provider'
import { createTrezorSigner } from '@airlock/trezor'
import { type CustomTransport, custom, type Transport } from 'viem'
import { mainnet, polygon } from 'viem/chains'

export const devices = ['ledger', 'trezor'] as const
export type Device = (typeof devices)[number]

export type HostileDappOptions = {
  blindSigning?: BlindSigningPolicy
  /** Ledger: the app's blind-signing setting. @default true */
  appBlindSigning?: boolean
  user?: EmulatorUser
  /** How long each node takes to answer, in ms. @default 0 */
  latency?: number
}

/** What a request ended with: its result, or the EIP-1193 code and the Airlock error under it. */
export type Outcome =
  | { result: unknown }
  | { code: number; cause: Error | undefined; message: string }

export type HostileDapp = {
  device: Device
  emulator: EmulatorControls & { blockedRequests?: readonly string[] }
  account: HardwareAccount
  provider: HardwareProvider
  nodes: Record<1 | 137, TestRpc>
  /** Every status the signer reported, oldest first. */
  statuses: DeviceStatus[]
  /** Sends what a dApp would, untyped, and never throws. */
  attempt: (method: string, params?: unknown[]) => Promise<Outcome>
  dispose: () => Promise<void>
}

export async function createHostileDapp(
  device: Device,
  options: HostileDappOptions = {},
): Promise<HostileDapp> {
  const { blindSigning = 'allow', user = 'approve', latency = 0 } = options
  let emulator: HostileDapp['emulator']
  let account: HardwareAccount
  if (device === 'ledger') {
    const ledger = createLedgerEmulator({ blindSigning: options.appBlindSigning ?? true, user })
    account = await toHardwareAccount(
      createLedgerSigner({ transport: ledger.transport, blindSigning }),
      { index: 0, scheme: 'bip44' },
    )
    emulator = ledger
  } else {
    const trezor = await createTrezorEmulator({ user })
    account = await toHardwareAccount(
      createTrezorSigner({ connect: trezor.connect, blindSigning }),
      {
        index: 0,
        scheme: 'bip44',
      },
    )
    emulator = trezor
  }
  emulator.clearLogs()
  const statuses: DeviceStatus[] = []
  account.signer.onStatus((status) => statuses.push(status))
  const nodes = { 1: createTestRpc(mainnet), 137: createTestRpc(polygon) }
  const provider = createHardwareProvider({
    account,
    chains: [mainnet, polygon],
    transport: {
      1: withLatency(nodes[1].transport, latency),
      137: withLatency(nodes[137].transport, latency),
    },
  })
  const attempt = (method: string, params?: unknown[]) =>
    (provider.request as (args: unknown) => Promise<unknown>)({ method, params }).then(
      (result): Outcome => ({ result }),
      (error): Outcome => ({ code: error.code, cause: error.cause, message: error.message }),
    )
  return {
    device,
    emulator,
    account,
    provider,
    nodes,
    statuses,
    attempt,
    dispose: () => emulator.dispose(),
  }
}

/** A node transport that answers `ms` later. */
function withLatency(transport: CustomTransport, ms: number): Transport {
  if (!ms) return transport
  return (options) => {
    const node = transport(options)
    return custom(
      {
        async request(args) {
          await new Promise((resolve) => setTimeout(resolve, ms))
          return node.request(args)
        },
      },
      { retryCount: 0 },
    )(options)
  }
}

/** A person who waits at the first screen until the test decides, then answers every screen so. */
export function deferredUser() {
  let decided: 'approve' | 'reject' | undefined
  let decide: (decision: 'approve' | 'reject') => void = () => {}
  let asked: () => void = () => {}
  const waiting = new Promise<void>((resolve) => {
    asked = resolve
  })
  const answer = new Promise<'approve' | 'reject'>((resolve) => {
    decide = (decision) => {
      decided = decision
      resolve(decision)
    }
  })
  const user: EmulatorUser = () => {
    asked()
    return decided ?? answer
  }
  return { user, waiting, decide }
}
