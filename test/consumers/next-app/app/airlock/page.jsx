import { AirlockWallet } from './AirlockWallet.jsx'

export default function AirlockPage() {
  return <AirlockWallet />
}
