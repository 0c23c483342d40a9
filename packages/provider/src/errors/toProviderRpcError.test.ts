import {
  AppNotOpenError,
  BaseError,
  BlindSigningDisabledError,
  ChainIdMismatchError,
  DeviceAddressMismatchError,
  DeviceBusyError,
  DeviceDisconnectedError,
  DeviceLockedError,
  DeviceTimeoutError,
  InvalidPathError,
  InvalidRequestError,
  OperationAbortedError,
  SignatureMismatchError,
  UnknownDeviceError,
  UnsupportedByDeviceError,
  UserRejectedOnDeviceError,
} from '@airlock/core'
import {
  createClient,
  custom,
  HttpRequestError,
  RpcRequestError,
  TransactionExecutionError,
  UserRejectedRequestError,
} from 'viem'
import { describe, expect, test } from 'vitest'
import {
  AccountNotConnectedError,
  ChainNotConfiguredError,
  UnsupportedMethodError,
} from './provider.js'
import { toProviderRpcError } from './toProviderRpcError.js'

const address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'

describe('toProviderRpcError', () => {
  test('codes by error class', () => {
    const errors = [
      new UserRejectedOnDeviceError(),
      new AccountNotConnectedError({ address }),
      new UnsupportedByDeviceError({ operation: 'sign a raw hash' }),
      new UnsupportedMethodError({ method: 'eth_decrypt', remedy: 'Do not.' }),
      new DeviceDisconnectedError(),
      new ChainNotConfiguredError({ chainId: 10, chainIds: [1] }),
      new ChainIdMismatchError({ expected: 1, actual: 10 }),
      new InvalidRequestError({ reason: 'bad' }),
      new InvalidPathError({ path: 'x', reason: 'bad' }),
      new DeviceLockedError(),
      new AppNotOpenError(),
      new BlindSigningDisabledError(),
      new DeviceBusyError(),
      new DeviceTimeoutError({ timeout: 1 }),
      new OperationAbortedError(),
      new SignatureMismatchError({ expected: address }),
      new DeviceAddressMismatchError({ expected: address, actual: address }),
      new UnknownDeviceError({ code: 0x6f00 }),
      new Error('anything else'),
      new HttpRequestError({ url: 'http://localhost:8545', status: 502 }),
    ]
    expect(
      errors.map((error) => {
        const rpc = toProviderRpcError(error)
        expect(rpc.cause).toBe(error)
        return `${error.name} -> ${rpc.code} ${rpc.name}`
      }),
    ).toMatchInlineSnapshot(`
      [
        "UserRejectedOnDeviceError -> 4001 UserRejectedRequestError",
        "AccountNotConnectedError -> 4100 UnauthorizedProviderError",
        "UnsupportedByDeviceError -> 4200 UnsupportedProviderMethodError",
        "UnsupportedMethodError -> 4200 UnsupportedProviderMethodError",
        "DeviceDisconnectedError -> 4900 ProviderDisconnectedError",
        "ChainNotConfiguredError -> 4902 SwitchChainError",
        "ChainIdMismatchError -> -32602 InvalidParamsRpcError",
        "InvalidRequestError -> -32602 InvalidParamsRpcError",
        "InvalidPathError -> -32602 InvalidParamsRpcError",
        "DeviceLockedError -> -32002 ResourceUnavailableRpcError",
        "AppNotOpenError -> -32002 ResourceUnavailableRpcError",
        "BlindSigningDisabledError -> -32002 ResourceUnavailableRpcError",
        "DeviceBusyError -> -32002 ResourceUnavailableRpcError",
        "DeviceTimeoutError -> -32002 ResourceUnavailableRpcError",
        "OperationAbortedError -> -32603 InternalRpcError",
        "SignatureMismatchError -> -32603 InternalRpcError",
        "DeviceAddressMismatchError -> -32603 InternalRpcError",
        "UnknownDeviceError -> -32603 InternalRpcError",
        "Error -> -32603 InternalRpcError",
        "HttpRequestError -> 4901 ChainDisconnectedError",
      ]
    `)
  })

  test('finds the Airlock error under viem wrappers, keeping the remedy', () => {
    const cause = new UserRejectedOnDeviceError()
    const wrapped = new TransactionExecutionError(cause as never, {} as never)
    const error = toProviderRpcError(wrapped)
    expect(error).toBeInstanceOf(UserRejectedRequestError)
    expect(error.cause).toBe(cause)
    expect(error.metaMessages).toEqual(cause.metaMessages)
  })

  test('RPC errors from the node keep their code and data', async () => {
    const client = createClient({
      transport: custom(
        {
          async request() {
            throw new RpcRequestError({
              body: {},
              url: 'http://localhost:8545',
              error: { code: 3, message: 'execution reverted', data: '0x08c379a0' },
            })
          },
        },
        { retryCount: 0 },
      ),
    })
    const thrown = await client.request({ method: 'eth_call' } as never).catch((e) => e)
    const error = toProviderRpcError(new TransactionExecutionError(thrown, {} as never))
    expect(error.code).toBe(3)
    expect(error.cause).toBe(thrown)
    expect((error as { data?: unknown }).data).toBe('0x08c379a0')
    expect(error.shortMessage).toBe('execution reverted')
  })

  test('an error that declares its own code keeps it (vendor errors, another copy of core)', () => {
    class ConnectCannotStart extends BaseError {
      readonly code = 'Init_IframeBlocked'
      constructor() {
        super('Connect could not start.', { rpcCode: -32002 })
      }
    }
    const cannotStart = toProviderRpcError(new ConnectCannotStart())
    expect([cannotStart.code, cannotStart.name]).toEqual([-32002, 'ResourceUnavailableRpcError'])
    const unusual = toProviderRpcError(new BaseError('odd', { rpcCode: 4999 }))
    expect([unusual.code, unusual.shortMessage]).toEqual([4999, 'odd'])
    // Not an instance of this copy's BaseError: the declared code still counts.
    const foreign = Object.assign(new Error('from another @airlock/core'), { rpcCode: 4100 })
    expect(toProviderRpcError(foreign).code).toBe(4100)
    // Found under a viem wrapper too.
    const wrapped = new TransactionExecutionError(foreign as never, {} as never)
    expect(toProviderRpcError(wrapped).code).toBe(4100)
  })

  test('anything that is not an Error', () => {
    expect(toProviderRpcError('boom').code).toBe(-32603)
  })
})
