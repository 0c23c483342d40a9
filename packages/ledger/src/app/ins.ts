// The instructions Airlock sends to the Ethereum app (app-ethereum `src/apdu_constants.h`,
// `doc/ethapp.adoc`). With `clearSigning: true`, hw-app-eth sends the metadata it fetches itself.
// Imported as a namespace: `ins.getPublicKey`.

/** GET ETH PUBLIC ADDRESS */
export const getPublicKey = 0x02
/** SIGN ETH TRANSACTION */
export const signTransaction = 0x04
/** GET APP CONFIGURATION */
export const getAppConfiguration = 0x06
/** SIGN ETH PERSONAL MESSAGE */
export const signPersonalMessage = 0x08
/** SIGN ETH EIP 712 */
export const signEip712 = 0x0c
/** SIGN EIP 7702 AUTHORIZATION (app-ethereum 1.17.0) */
export const signEip7702Authorization = 0x34
/** PROVIDE ERC 20 TOKEN INFORMATION: a token descriptor signed by Ledger, answered with its slot */
export const provideErc20TokenInformation = 0x0a
/** EIP712 SEND STRUCT DEFINITION (full EIP-712, app-ethereum 1.9.19) */
export const eip712StructDefinition = 0x1a
/** EIP712 SEND STRUCT IMPLEMENTATION */
export const eip712StructImplementation = 0x1c
/** EIP712 FILTERING: Ledger-signed labels and formats for the fields (app-ethereum 1.10.0) */
export const eip712Filtering = 0x1e
