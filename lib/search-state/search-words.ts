import { createTranslator, type useTranslations } from "next-intl";
import search from "@/messages/en/search.json";

// The search page's words (messages/<locale>/search.json) for the functions here that write
// text: a page passes its t (useTranslations("search") or getTranslations("search")); without
// one they write English, as the tests read them.

export type SearchWords = ReturnType<typeof useTranslations<"search">>;

/** The English catalogue, for callers that have no page language. */
export const ENGLISH_SEARCH_WORDS: SearchWords = createTranslator({ locale: "en", messages: { search }, namespace: "search" });
