import { useLocale } from "next-intl";
import { formatterFor, type Formatter } from "./formatter";

/** The formatters in the page's language, for any component (server or client) that is not async. */
export function useFormat(): Formatter {
  return formatterFor(useLocale());
}
