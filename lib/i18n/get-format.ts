import { getLocale } from "next-intl/server";
import { formatterFor, type Formatter } from "./formatter";

/** The formatters for the page being rendered on the server, in its language. */
export async function getFormat(): Promise<Formatter> {
  return formatterFor(await getLocale());
}
