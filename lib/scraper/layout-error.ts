/**
 * The page does not have the shape the scraper knows. A task that meets one fails: it must never
 * produce rows from a page it does not understand (the site changed, or the answer was cut off).
 */
export class LayoutError extends Error {
  override name = "LayoutError";
}

/**
 * The page was cut off in transfer (it ends inside the part the parser needs). Still a
 * LayoutError, so nothing is stored from it, but worth fetching again, unlike layout drift.
 */
export class TruncatedPageError extends LayoutError {
  override name = "TruncatedPageError";
}
