// Building blocks for writing a device driver or checking a device's output by hand. They live
// apart from the main entry so that an app importing `@airlock/core` does not download them up front.
export {
  type SerializeUnsignedTransactionParameters,
  serializeUnsignedTransaction,
} from '../account/serializeUnsignedTransaction.js'
export {
  type VerifyDeviceSignatureParameters,
  verifyDeviceSignature,
} from '../signature/verifyDeviceSignature.js'
