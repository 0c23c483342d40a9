// The instructions Airlock sends to the Ethereum app (app-ethereum `src/apdu_constants.h`,
// `doc/ethapp.adoc`). Full EIP-712 (0x1A, 0x1C, 0x1E) and clear-signing metadata are sent by
// hw-app-eth, not from here. Imported as a namespace: `ins.getPublicKey`.

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
/** SIGN EIP 7702 AUTHORIZATION (app-ethereum 1.16.0) */
export const signEip7702Authorization = 0x34
