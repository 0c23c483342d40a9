// The frame of every Ethereum-app command: `CLA INS P1 P2 Lc data`.

/** The Ethereum app's class byte. */
export const cla = 0xe0

/** The largest payload (`data`) the Ethereum app takes in one APDU. */
export const maxPayload = 255
