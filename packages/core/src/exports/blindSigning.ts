// `BlindSigningRefusedError` on its own entry: an app pays for it only if it imports it. The signer
// loads it (with the policy) for its first call under `blindSigning: 'refuse'`.
export {
  BlindSigningRefusedError,
  type BlindSigningRefusedErrorType,
} from '../errors/blindSigning.js'
