import { type FirstVisit, firstVisit } from './firstVisit.js'

/** What Airlock's connectors add to a Next.js page's first load, in gzip -9 bytes of JavaScript. */
export type PageLoadFigure = {
  /** The page with `ledger()` and `trezor()` (app/airlock). */
  airlockJsGzip: number
  /** The same page, same wagmi and react-query, no Airlock connector (app/control). */
  controlJsGzip: number
  /** The difference: what Airlock costs the page before the user picks a device. */
  addedGzip: number
}

/** First visits of the Airlock page and the control page of a served build, each in a fresh profile. */
export async function measurePageLoad(
  baseUrl: string,
): Promise<{ figure: PageLoadFigure; airlock: FirstVisit; control: FirstVisit }> {
  const airlock = await firstVisit(`${baseUrl}/airlock`)
  const control = await firstVisit(`${baseUrl}/control`)
  const figure = {
    airlockJsGzip: airlock.jsGzip,
    controlJsGzip: control.jsGzip,
    addedGzip: airlock.jsGzip - control.jsGzip,
  }
  return { figure, airlock, control }
}
