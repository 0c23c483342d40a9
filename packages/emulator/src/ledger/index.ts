export { StatusWord } from './apdu/statusWords.js'
export { createEmulatorBluetooth } from './ble/createEmulatorBluetooth.js'
export {
  createFakeBluetooth,
  type FakeBluetooth,
  type FakeBluetoothControls,
  type FakeBluetoothOptions,
  type LedgerBluetoothModel,
} from './ble/createFakeBluetooth.js'
export { calPublicKeyOf, ledgerCalPublicKey, signCalPayload } from './cal/calKey.js'
export { type Erc20Descriptor, signErc20Descriptor } from './cal/erc20Descriptor.js'
export {
  ledgerNftMetadataPublicKey,
  type NftInformation,
  signNftInformation,
} from './cal/nftInformation.js'
export { createLedgerEmulator, type LedgerEmulator } from './createLedgerEmulator.js'
export {
  ApduStatusError,
  InvalidEmulatorMnemonicError,
  InvalidEmulatorOptionError,
} from './errors.js'
export { builtInEip7702Whitelist } from './ethereumApp/eip7702Whitelist.js'
export {
  encodeTestEnumValue,
  encodeTestField,
  encodeTestTransactionInfo,
  signTestCalldataDescriptor,
  signTestDescriptor,
  type TestCalldataDescriptor,
  type TestDescribedFunction,
  type TestEnumValue,
  type TestField,
  type TestParam,
  type TestPathElement,
  type TestTransactionInfo,
  type TestValue,
  tlv,
} from './pki/testDescriptors.js'
export {
  issueTestCertificate,
  signDigestDer,
  type TestCertificateOptions,
  testPublicKeyOf,
} from './pki/testPki.js'
export { signTestProxyInfo, type TestProxyInfo } from './pki/testProxyInfo.js'
export type {
  LedgerApp,
  LedgerEip7702Delegate,
  LedgerEip7702Setting,
  LedgerEmulatorOptions,
  LedgerModel,
} from './types.js'
export { LedgerEmulatorTransport } from './usb/LedgerEmulatorTransport.js'
