import { servedOverHttps } from "@/lib/api/public-url";
import { languageSwitchAnswer } from "@/lib/i18n/language-switch-answer";

// The language switch in the header posts here (it works without JavaScript): the choice is
// remembered in a cookie and the reader goes back to the page they were on.

export async function POST(request: Request): Promise<Response> {
  const form = await request.formData().catch(() => null);
  return languageSwitchAnswer({
    locale: form?.get("locale"),
    referer: request.headers.get("referer"),
    secure: servedOverHttps(request.headers),
  });
}
