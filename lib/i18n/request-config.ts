import { getRequestConfig } from "next-intl/server";
import { CATALOGUES } from "./catalogues";
import { missingMessage } from "./missing-message";
import { requestLocale } from "./request-locale";
import { SITE_TIME_ZONE } from "@/lib/format/site-time-zone";

// next-intl's per-request configuration (named in next.config.mjs): the locale chosen from the
// request, its catalogue, and a visible marker instead of a crash for a key a catalogue lacks.

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return {
    locale,
    messages: CATALOGUES[locale],
    timeZone: SITE_TIME_ZONE,
    onError: (error) => console.error(`i18n: ${error.message}`),
    getMessageFallback: missingMessage,
  };
});
