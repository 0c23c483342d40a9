/**
 * Ledger's own Ethereum signer (Device Management Kit `device-signer-kit-ethereum` with its
 * `context-module`) on the Ledger emulator, every service it calls pointed at one local server:
 * the reference that Airlock's clear-signing APDUs are compared with.
 */
import type { LedgerEmulator } from '@airlock/emulator'
import { ContextModuleBuilder, ContextModuleChainID } from '@ledgerhq/context-module'
import {
  DeviceActionStatus,
  type DeviceManagementKit,
  DeviceManagementKitBuilder,
} from '@ledgerhq/device-management-kit'
import { SignerEthBuilder } from '@ledgerhq/device-signer-kit-ethereum'
import { filter, firstValueFrom, lastValueFrom } from 'rxjs'
import { type Hex, hexToBytes } from 'viem'
import { emulatorDmkTransport } from '../../packages/ledger/src/_test/emulatorDmkTransport.js'

/** DMK's answer to one SIGN TRANSACTION device action. */
export type DmkSignature = { v: number; r: Hex; s: Hex }

/** A DMK session on `emulator`, its Ethereum signer, and `close()`. */
export type DmkSigner = {
  signTransaction(path: string, serializedTransaction: Hex): Promise<DmkSignature>
  close(): void
}

/**
 * Opens DMK on `emulator` with its CAL at `calUrl` and its other services (names and proxy
 * metadata, transaction checks, blind-signing reports) under `servicesUrl`, so every request DMK
 * makes lands in one log.
 */
export async function openDmkSigner(
  emulator: LedgerEmulator,
  calUrl: string,
  servicesUrl: string,
): Promise<DmkSigner> {
  const dmk: DeviceManagementKit = new DeviceManagementKitBuilder()
    .addTransport(emulatorDmkTransport(emulator))
    .build()
  // No session refresher: its GET APP AND VERSION polls would land among the APDUs compared.
  const sessionId = await dmk.connect({
    device: await firstValueFrom(dmk.startDiscovering({})),
    sessionRefresherOptions: { isRefresherDisabled: true },
  })
  const contextModule = new ContextModuleBuilder({ originToken: 'airlock-differential' })
    .setChain(ContextModuleChainID.Ethereum)
    .setCalConfig({ url: calUrl, mode: 'test', branch: 'main' })
    .setWeb3ChecksConfig({ url: `${servicesUrl}/web3checks` })
    .setMetadataServiceConfig({ url: `${servicesUrl}/metadata` })
    .setReporterConfig({ url: `${servicesUrl}/reporter` })
    .build()
  const signer = new SignerEthBuilder({ dmk, sessionId, originToken: 'airlock-differential' })
    .withContextModule(contextModule)
    .build()
  return {
    async signTransaction(path, serializedTransaction) {
      const { observable } = signer.signTransaction(
        path.replace(/^m\//, ''),
        hexToBytes(serializedTransaction),
      )
      const state = await lastValueFrom(
        observable.pipe(filter((s) => s.status !== DeviceActionStatus.Pending)),
      )
      if (state.status !== DeviceActionStatus.Completed)
        throw new Error(`DMK did not sign: ${JSON.stringify(state)}`)
      return state.output as DmkSignature
    },
    close: () => dmk.close(),
  }
}
