import { isEthereumAppOpen, type LedgerDevice, resetContext } from '../device.js'
import { ApduStatusError } from '../errors.js'
import { appVersionAtLeast } from '../ethereumApp/appVersion.js'
import {
  eip712Filtering,
  eip712StructDefinition,
  eip712StructImplementation,
} from '../ethereumApp/commands/eip712Structs.js'
import { getAddress } from '../ethereumApp/commands/getAddress.js'
import { getAppAndVersion } from '../ethereumApp/commands/getAppAndVersion.js'
import { getAppConfiguration } from '../ethereumApp/commands/getAppConfiguration.js'
import { provideEnumValue } from '../ethereumApp/commands/provideEnumValue.js'
import { provideErc20TokenInfo } from '../ethereumApp/commands/provideErc20TokenInfo.js'
import { provideFieldDescription } from '../ethereumApp/commands/provideFieldDescription.js'
import {
  getChallenge,
  provideDomainName,
  provideInfo,
  provideInstructions,
} from '../ethereumApp/commands/provideInfo.js'
import { provideNftInformation } from '../ethereumApp/commands/provideNftInformation.js'
import { provideProxyInfo } from '../ethereumApp/commands/provideProxyInfo.js'
import { provideTransactionInfo } from '../ethereumApp/commands/provideTransactionInfo.js'
import { signAuthorization } from '../ethereumApp/commands/signAuthorization.js'
import { signPersonalMessage } from '../ethereumApp/commands/signPersonalMessage.js'
import { signTransaction } from '../ethereumApp/commands/signTransaction.js'
import { signTypedData } from '../ethereumApp/commands/signTypedData.js'
import { forgetTokens } from '../ethereumApp/tokenSlots.js'
import { loadCertificateCommand } from '../pki/loadCertificateCommand.js'
import { type Apdu, parseApdu } from './apdu.js'
import { concatBytes } from './bytes.js'
import { StatusWord } from './statusWords.js'

type Handler = (device: LedgerDevice, apdu: Apdu) => Uint8Array | Promise<Uint8Array>

const ethereumCommands: Record<number, Handler> = {
  2: getAddress,
  4: signTransaction,
  6: getAppConfiguration,
  8: signPersonalMessage,
  10: provideErc20TokenInfo,
  12: signTypedData,
  20: provideNftInformation,
  26: eip712StructDefinition,
  28: eip712StructImplementation,
  30: eip712Filtering,
  32: getChallenge,
  34: provideDomainName,
  36: provideEnumValue,
  38: provideTransactionInfo,
  40: provideFieldDescription,
  42: provideProxyInfo,
  52: signAuthorization,
}

// The Nano S app has no full EIP-712 and no EIP-7702: those INS are unknown to it.
const notOnNanoS = new Set([0x1a, 0x1c, 0x1e, 0x34])
// SIGN EIP 7702 AUTHORIZATION first appears in app 1.17.0 (apdu_constants.h; CHANGELOG 1.17.0).
const signEip7702Authorization = 0x34
const eip7702Since = '1.17.0'
// PROVIDE NFT INFORMATION is verified as app 1.22.0 does; the Nano S emulator (app 1.10.4) keeps
// only recording it.
const provideNftInformationIns = 0x14

/** Answers one APDU as the device would: response data followed by the 2-byte status word. */
export async function dispatch(device: LedgerDevice, bytes: Uint8Array): Promise<Uint8Array> {
  try {
    if (device.locked) throw new ApduStatusError(StatusWord.locked, 'Device locked')
    const data = await route(device, parseApdu(bytes))
    return concatBytes(data, Uint8Array.of(0x90, 0x00))
  } catch (error) {
    if (!(error instanceof ApduStatusError)) throw error
    const sw = error.statusWord
    return Uint8Array.of(sw >> 8, sw & 0xff)
  }
}

async function route(device: LedgerDevice, apdu: Apdu): Promise<Uint8Array> {
  if (apdu.cla === 0xb0) return routeOs(device, apdu)
  if (apdu.cla !== 0xe0 || !isEthereumAppOpen(device)) {
    throw new ApduStatusError(StatusWord.claNotSupported, 'CLA not supported')
  }
  try {
    if (device.model === 'nanoS' && notOnNanoS.has(apdu.ins)) {
      throw new ApduStatusError(StatusWord.insNotSupported, 'INS not supported on Nano S')
    }
    if (apdu.ins === signEip7702Authorization && !appVersionAtLeast(device, eip7702Since)) {
      throw new ApduStatusError(StatusWord.insNotSupported, 'INS not supported before 1.17.0')
    }
    const handler =
      (device.model === 'nanoS' && apdu.ins === provideNftInformationIns
        ? provideInfo
        : ethereumCommands[apdu.ins]) ??
      (provideInstructions.has(apdu.ins) ? provideInfo : undefined)
    if (!handler) throw new ApduStatusError(StatusWord.insNotSupported, 'INS not supported')
    if (forgetsTokens(apdu)) forgetTokens(device.tokens)
    return await handler(device, apdu)
  } catch (error) {
    // The app's main loop resets its whole context on any error status (src/main.c:351-358).
    if (error instanceof ApduStatusError) resetContext(device)
    throw error
  }
}

// GET PUBLIC KEY, SIGN PERSONAL MESSAGE and hashed EIP-712 start with `forget_known_assets()`
// (src/main.c:165, 198, 205).
function forgetsTokens(apdu: Apdu): boolean {
  return apdu.ins === 0x02 || apdu.ins === 0x08 || (apdu.ins === 0x0c && apdu.p2 === 0x00)
}

// OS commands: B0 01 GET APP AND VERSION, B0 06 LOAD CERTIFICATE, B0 A7 QUIT APP.
function routeOs(device: LedgerDevice, apdu: Apdu): Uint8Array {
  if (apdu.ins === 0x01) return getAppAndVersion(device)
  if (apdu.ins === 0x06) return loadCertificateCommand(device, apdu)
  if (apdu.ins === 0xa7 && device.app !== 'dashboard') {
    resetContext(device)
    device.pkiCertificate = undefined
    device.app = 'dashboard'
    return new Uint8Array()
  }
  throw new ApduStatusError(StatusWord.insNotSupported, 'OS INS not supported')
}
