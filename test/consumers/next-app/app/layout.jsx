// No next/font/google or anything else that fetches at build or run time: the test allows loopback only.
export const metadata = { title: 'Airlock consumer' }

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
