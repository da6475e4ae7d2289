// The UI's message catalogues (English, Polish, Russian, Finnish) and the
// current locale, through svelte-i18n (ICU messages with plural rules).
import { addMessages, getLocaleFromNavigator, init, locale } from "svelte-i18n";
import en from "./en.json";
import fi from "./fi.json";
import pl from "./pl.json";
import ru from "./ru.json";

export const LANGUAGES = ["en", "pl", "ru", "fi"] as const;
export type UiLanguage = (typeof LANGUAGES)[number];
type Catalogue = Parameters<typeof addMessages>[1];
export const catalogues: Record<UiLanguage, Catalogue> = { en, pl, ru, fi };

/** The supported language closest to a BCP 47 tag, English when none fits. */
export function pickLanguage(tag: string | null | undefined): UiLanguage {
  const primary = (tag ?? "").toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as UiLanguage) : "en";
}

for (const lang of LANGUAGES) addMessages(lang, catalogues[lang]);

init({ fallbackLocale: "en", initialLocale: pickLanguage(getLocaleFromNavigator()) });

// The system's language as the app reports it (the web view's own may not follow it).
let systemLanguage: string | null = null;

/** Remembers the system's language (a BCP 47 tag) that `useLanguage(null)` follows. */
export function setSystemLanguage(tag: string | null): void {
  systemLanguage = tag;
}

/** Switches the UI language; `null` follows the system. */
export function useLanguage(lang: UiLanguage | null): void {
  const chosen = lang ?? pickLanguage(systemLanguage ?? getLocaleFromNavigator());
  locale.set(chosen);
  document.documentElement.lang = chosen;
}
