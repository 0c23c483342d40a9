import { tlv } from '@airlock/emulator'
import { swapRouter } from '@airlock/fixtures/clearSigningContracts'
import { bytesToHex, concat, type Hex } from 'viem'
import { describe, expect, test } from 'vitest'
import { testDescriptors } from '../clearSigning/testDescriptors.js'
import type { LedgerDescriptors } from '../clearSigning/types.js'
import { showsUnreadNestedCall } from './nestedCalldata.js'
import { signWithCalldataDescriptor } from './signWithCalldataDescriptor.js'

// A FIELD as gcs.py serializes a Safe `execTransaction` data field: version, name, PARAM_TYPE
// CALLDATA (0x09), and a param whose own content does not matter here.
const nestedField = bytesToHex(
  concat([
    tlv(0x00, [1]),
    tlv(0x01, new TextEncoder().encode('data')),
    tlv(0x02, [0x09]),
    tlv(0x03, new Uint8Array(300)),
  ]),
) as Hex

describe('nested calldata (CALLDATA fields)', () => {
  const [set] = testDescriptors(swapRouter) as [LedgerDescriptors]
  const swap = set.calldata[0]!

  test('a CALLDATA field without references is recognised, others are not', () => {
    expect(showsUnreadNestedCall(swap)).toBe(false)
    expect(
      showsUnreadNestedCall({ ...swap, fields: [...swap.fields, { payload: nestedField }] }),
    ).toBe(true)
    const reference = swap.fields[0]!.token!
    const withReferences = {
      payload: nestedField,
      calldata: { value: reference, callee: reference },
    }
    expect(showsUnreadNestedCall({ ...swap, fields: [withReferences] })).toBe(false)
  })

  test('without references it is reported blind before any APDU', async () => {
    const sent: string[] = []
    const send = async (ins: number) => {
      sent.push(ins.toString(16))
      return new Uint8Array([0x90, 0x00])
    }
    const nested = { ...swap, fields: [{ payload: nestedField }] }
    const cleared: string[] = []
    const outcome = await signWithCalldataDescriptor(
      { send, sendOs: send, modelId: 'europa' },
      { ...set, calldata: [nested] },
      nested,
      {
        path: "44'/60'/0'/0/0",
        serializedTransaction: '0x02',
        call: { chainId: 1, to: swapRouter.address, data: swap.selector },
      },
      (reason) => cleared.push(reason),
    )
    expect(outcome).toEqual({
      kind: 'blind',
      reason: 'the descriptor shows a nested call without saying where it is',
    })
    expect(sent).toEqual([])
    expect(cleared).toEqual([])
  })
})
