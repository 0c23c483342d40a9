import type { TransactionSerializable } from 'viem'
import { toHardwareAccount } from '../account/toHardwareAccount.js'
import type { HardwareAccount } from '../account/types.js'
import { BaseError } from '../errors/base.js'
import type { DerivationPath } from '../path/parsePath.js'
import type {
  BlindSigningPolicy,
  DeviceStatus,
  HardwareSigner,
  SignableTransactionType,
} from '../signer/types.js'

/** What a check may do to the (emulated) device behind the signer. */
export type ConformanceDevice = {
  /** The person at the device rejects the next review. */
  rejectNext: () => void | Promise<void>
  lock: () => void | Promise<void>
  /** Pulls the cable now: a check calls it while the device shows a request. */
  unplug: () => void | Promise<void>
  /** The device stops answering (it hangs mid-request). */
  hang: () => void | Promise<void>
  /** Back to normal: plugged in, unlocked, answering, the user approving. */
  restore: () => void | Promise<void>
}

/** What a check asks of the signer `setup` creates. */
export type ConformanceSetupOptions = {
  /** Pass it to the signer (`createHardwareSigner`'s option of the same name). */
  blindSigning: BlindSigningPolicy
}

export type DriverConformanceHarness = {
  /** A signer on a fresh (emulated) device, ready to sign with the user approving. */
  setup: (options: ConformanceSetupOptions) => Promise<{
    signer: HardwareSigner
    device: ConformanceDevice
    cleanup?: (() => Promise<void>) | undefined
  }>
  /** A path the device signs for. @default "m/44'/60'/0'/0/0" */
  path?: DerivationPath | undefined
}

/** One check of the driver contract: `run` throws a `ConformanceError` when the driver breaks it. */
export type ConformanceCheck = { name: string; run: () => Promise<void> }

export class ConformanceError extends BaseError {
  constructor(check: string, reason: string) {
    super(`The driver does not conform: ${check}.`, {
      details: reason,
      metaMessages: ['See "Writing a driver" in the Airlock README for the driver duties.'],
      name: 'ConformanceError',
    })
  }
}

type Rig = Awaited<ReturnType<DriverConformanceHarness['setup']>> & {
  account: HardwareAccount
  statuses: DeviceStatus[]
}

const message = 'Airlock conformance'
const timeout = 1_000

/**
 * The duties of a driver that its types cannot say, as checks any test runner can run (vitest,
 * mocha, `node:test`): `for (const { name, run } of driverConformanceChecks(harness)) test(name, run)`.
 * Each check sets up its own device through `harness.setup`.
 */
export function driverConformanceChecks(harness: DriverConformanceHarness): ConformanceCheck[] {
  const path = harness.path ?? "m/44'/60'/0'/0/0"
  const check = (
    name: string,
    body: (rig: Rig, fail: (reason: string) => never) => Promise<void>,
    options: ConformanceSetupOptions = { blindSigning: 'allow' },
  ) => ({
    name,
    async run() {
      const setup = await harness.setup(options)
      const statuses: DeviceStatus[] = []
      const unsubscribe = setup.signer.onStatus((status) => statuses.push(status))
      try {
        const account = await toHardwareAccount(setup.signer, { path })
        await body({ ...setup, account, statuses }, (reason) => {
          throw new ConformanceError(name, reason)
        })
      } finally {
        unsubscribe()
        await setup.signer.close()
        await setup.cleanup?.()
      }
    },
  })

  /** Runs `call`, expects it to fail with the Airlock error `name`, then restores the device. */
  async function expectFailure(
    rig: Rig,
    fail: (reason: string) => never,
    call: () => Promise<unknown>,
    name: string,
    rpcCode: number,
  ) {
    const error = await call().then(
      () => fail(`the call succeeded; expected ${name}`),
      (error: unknown) => error,
    )
    const found = (error as BaseError).walk?.((e) => (e as Error).name === name) as BaseError | null
    if (!found)
      fail(`expected ${name}, got ${(error as Error)?.name}: ${(error as Error)?.message}`)
    if (found.rpcCode !== rpcCode) fail(`${name} has rpcCode ${found.rpcCode}, expected ${rpcCode}`)
    if (!found.metaMessages?.length) fail(`${name} has no remedy (metaMessages)`)
    await rig.device.restore()
    await rig.account
      .signMessage({ message })
      .catch((cause: Error) =>
        fail(`after ${name} and a restored device, the next call failed: ${cause.message}`),
      )
  }

  return [
    check(
      'signs messages, transactions and typed data that verify',
      async ({ account, signer }) => {
        // The account verifies every signature against its address before returning it.
        await account.signMessage({ message })
        const { transactionTypes } = await signer.getCapabilities()
        for (const type of transactionTypes) await account.signTransaction(transactionOf(type))
        const { signTypedData } = await signer.getCapabilities()
        if (signTypedData) await account.signTypedData(typedData)
      },
    ),
    check(
      'reports confirm-on-device, then done, for a signature',
      async ({ account, statuses }, fail) => {
        statuses.length = 0
        await account.signMessage({ message })
        const types = statuses.map((status) => status.type)
        const confirm = types.indexOf('confirm-on-device')
        if (confirm === -1) fail(`no confirm-on-device status (got ${types.join(', ') || 'none'})`)
        if (types.lastIndexOf('done') < confirm)
          fail(`no done status after confirm-on-device (got ${types.join(', ')})`)
      },
    ),
    check(
      'says whether the device shows each signing request clear or blind',
      async ({ account, signer, statuses }, fail) => {
        const { transactionTypes, signTypedData } = await signer.getCapabilities()
        const requests: [string, () => Promise<unknown>][] = [
          ['a message', () => account.signMessage({ message })],
          ...transactionTypes.map(
            (type) =>
              [`a ${type} transaction`, () => account.signTransaction(transactionOf(type))] as [
                string,
                () => Promise<unknown>,
              ],
          ),
        ]
        if (signTypedData) requests.push(['typed data', () => account.signTypedData(typedData)])
        for (const [what, call] of requests) {
          statuses.length = 0
          await call()
          const confirms = statuses.filter((status) => status.type === 'confirm-on-device')
          if (!confirms.length) fail(`${what}: no confirm-on-device status`)
          for (const { display, reason } of confirms)
            if (
              (display !== 'clear' && display !== 'blind') ||
              !['string', 'undefined'].includes(typeof reason)
            )
              fail(`${what}: confirm-on-device has display ${display} and reason ${reason}`)
        }
      },
    ),
    check(
      "under blindSigning: 'refuse', a blind request is BlindSigningRefusedError (4001) before the device asks",
      async (rig, fail) => {
        rig.statuses.length = 0
        const error = await rig.account.signTransaction(blindTransaction).then(
          () =>
            fail(
              "a contract call no device decodes was signed under blindSigning: 'refuse' (does harness.setup pass blindSigning to the signer?)",
            ),
          (error: unknown) => error,
        )
        const found = (error as BaseError).walk?.(
          (e) => (e as Error).name === 'BlindSigningRefusedError',
        ) as (BaseError & { operation?: unknown }) | null
        if (!found)
          return fail(
            `expected BlindSigningRefusedError, got ${(error as Error)?.name}: ${(error as Error)?.message}`,
          )
        if (found.rpcCode !== 4001 || found.operation !== 'signTransaction')
          fail(
            `BlindSigningRefusedError has rpcCode ${found.rpcCode} and operation ${found.operation}`,
          )
        if (rig.statuses.some((status) => status.type === 'confirm-on-device'))
          fail('the device asked the user about the refused request (a confirm-on-device status)')
        await rig.account
          .signMessage({ message })
          .catch((cause: Error) =>
            fail(`after the refusal, a clear request failed: ${cause.message}`),
          )
      },
      { blindSigning: 'refuse' },
    ),
    check('a rejection on the device is UserRejectedOnDeviceError (4001)', async (rig, fail) => {
      await rig.device.rejectNext()
      await expectFailure(
        rig,
        fail,
        () => rig.account.signMessage({ message }),
        'UserRejectedOnDeviceError',
        4001,
      )
    }),
    check(
      'a locked device asks to be unlocked, or fails with DeviceLockedError (-32002)',
      async (rig, fail) => {
        await rig.device.lock()
        rig.statuses.length = 0
        const error = await rig.account.signMessage({ message }).then(
          () => undefined,
          (error: unknown) => error,
        )
        if (error === undefined) {
          // Devices whose PIN is asked for on the host (Trezor Connect) unlock within the call.
          const types = rig.statuses.map((status) => status.type)
          if (!types.includes('unlock-device'))
            fail(`the locked device signed with no unlock-device status (got ${types.join(', ')})`)
          return
        }
        await expectFailure(rig, fail, () => Promise.reject(error), 'DeviceLockedError', -32002)
      },
    ),
    check(
      'a device unplugged mid-request is DeviceDisconnectedError (4900), and works once plugged in',
      async (rig, fail) => {
        const unsubscribe = rig.signer.onStatus((status) => {
          if (status.type !== 'confirm-on-device') return
          unsubscribe()
          void rig.device.unplug()
        })
        try {
          await expectFailure(
            rig,
            fail,
            () => rig.account.signMessage({ message }),
            'DeviceDisconnectedError',
            4900,
          )
        } finally {
          unsubscribe()
        }
      },
    ),
    check(
      'an aborted call is OperationAbortedError, and the next call works',
      async (rig, fail) => {
        await rig.device.hang()
        const controller = new AbortController()
        setTimeout(() => controller.abort(), 50)
        await expectFailure(
          rig,
          fail,
          () => rig.signer.signMessage({ path, message: '0x00', signal: controller.signal }),
          'OperationAbortedError',
          -32603,
        )
      },
    ),
    check(
      'a device that stops answering is DeviceTimeoutError, and works once restored',
      async (rig, fail) => {
        await rig.device.hang()
        await expectFailure(
          rig,
          fail,
          () => rig.signer.signMessage({ path, message: '0x00', timeout }),
          'DeviceTimeoutError',
          -32002,
        )
      },
    ),
    check('close is idempotent, and the next call reconnects', async ({ account, signer }) => {
      await signer.close()
      await signer.close()
      await account.signMessage({ message })
    }),
    check(
      'what the capabilities exclude is refused before the device asks the user',
      async ({ account, signer, statuses }, fail) => {
        const capabilities = await signer.getCapabilities()
        const refused: [string, () => Promise<unknown>][] = []
        for (const type of ['legacy', 'eip2930', 'eip1559', 'eip7702'] as const)
          if (!capabilities.transactionTypes.includes(type))
            refused.push([
              `a ${type} transaction`,
              () => account.signTransaction(transactionOf(type)),
            ])
        if (!capabilities.signMessage)
          refused.push(['a message', () => account.signMessage({ message })])
        if (!capabilities.signTypedData)
          refused.push(['typed data', () => account.signTypedData(typedData)])
        if (!capabilities.signAuthorization)
          refused.push([
            'an authorization',
            () => account.signAuthorization({ address: zero, chainId: 1, nonce: 0 }),
          ])
        for (const [what, call] of refused) {
          statuses.length = 0
          const error = await call().then(
            () => fail(`${what} was signed though the capabilities exclude it`),
            (e: unknown) => e,
          )
          if (!(error as BaseError).walk?.((e) => (e as Error).name === 'UnsupportedByDeviceError'))
            fail(`${what}: expected UnsupportedByDeviceError, got ${(error as Error).name}`)
          if (statuses.some((status) => status.type === 'confirm-on-device'))
            fail(`${what} reached the user's screen before it was refused`)
        }
      },
    ),
  ]
}

const zero = '0x0000000000000000000000000000000000000000'
const recipient = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'

function transactionOf(type: SignableTransactionType): TransactionSerializable {
  const base = { chainId: 1, nonce: 0, gas: 21_000n, to: recipient, value: 1n } as const
  if (type === 'legacy') return { ...base, type, gasPrice: 1n }
  if (type === 'eip2930') return { ...base, type, gasPrice: 1n, accessList: [] }
  if (type === 'eip1559') return { ...base, type, maxFeePerGas: 2n, maxPriorityFeePerGas: 1n }
  const word = `0x${'11'.repeat(32)}` as const
  return {
    ...base,
    type,
    maxFeePerGas: 2n,
    maxPriorityFeePerGas: 1n,
    authorizationList: [{ address: zero, chainId: 1, nonce: 0, r: word, s: word, yParity: 0 }],
  }
}

/** A call to a function no device decodes (`setApprovalForAll`), on some contract. */
const blindTransaction = {
  ...transactionOf('legacy'),
  gas: 100_000n,
  value: 0n,
  data: `0xa22cb465${recipient.slice(2).toLowerCase().padStart(64, '0')}${'1'.padStart(64, '0')}`,
} as const satisfies TransactionSerializable

const typedData = {
  domain: { name: 'Airlock', version: '1', chainId: 1, verifyingContract: recipient },
  types: { Check: [{ name: 'contents', type: 'string' }] },
  primaryType: 'Check',
  message: { contents: message },
} as const
