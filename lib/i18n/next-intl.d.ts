import type { Messages } from "./catalogues";
import type { Locale } from "./locales";

// Types every t() call by the English catalogue: a key that does not exist fails `tsc`.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
