"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, type FormEvent } from "react";
import type { FilterOptions } from "@/lib/pages/load-filter-options";
import { useFormat } from "@/lib/i18n/use-format";
import { parseExtentInput, parseRandInput } from "@/lib/search-state/parse-amount";
import type { RollOption } from "@/lib/rolls/roll-id";
import { MIN_QUERY_LENGTH, type SearchState } from "@/lib/search-state/search-state";

export type SearchPatch = Partial<Omit<SearchState, "cursor" | "page">>;
/** "typing": wait for a pause (~300 ms); "now": apply at once. */
export type ApplyMode = "typing" | "now";

export const SEARCH_FORM_ID = "search-form";

const inputClass =
  "block w-full min-w-0 rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-950 placeholder:text-slate-500 focus:border-blue-700";
const labelClass = "mb-1 block text-sm font-medium text-slate-800";

/**
 * A text box the browser owns (uncontrolled), so nothing typed before the page's script has
 * loaded is lost: on mount, text already in the box is applied (`onText`); later it follows the
 * state when that changes elsewhere (Back, a link), unless it already says the same.
 */
function useTextBox<T>(value: T, toText: (value: T) => string, fromText: (text: string) => T, onText: (text: string) => void) {
  const ref = useRef<HTMLInputElement>(null);
  const mounted = useRef(false);
  const onTextRef = useRef(onText);
  onTextRef.current = onText;
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const same = Object.is(fromText(box.value), value);
    if (!mounted.current) {
      mounted.current = true;
      if (!same) onTextRef.current(box.value);
    } else if (!same) {
      box.value = toText(value);
    }
    // fromText and toText are module-level functions: only the value matters.
  }, [value]);
  return ref;
}

const textOf = (value: string) => value;
const trimmed = (text: string) => text.trim();
const amountText = (value: number | null) => (value === null ? "" : String(value));

function countActiveFilters(state: SearchState): number {
  return [state.title, state.suburb || null, state.useCode, state.ratingCategory || null, state.minValue, state.maxValue, state.minExtent, state.maxExtent].filter(
    (value) => value !== null,
  ).length;
}

/**
 * The search box and the filters. A GET form to "/": without JavaScript it submits and the server
 * renders the answer; with it, changes apply as they are made (typing after a short pause).
 */
export function SearchForm({
  state,
  defaultRoll,
  rolls,
  options,
  onChange,
}: {
  state: SearchState;
  defaultRoll: SearchState["roll"];
  rolls: readonly RollOption[];
  options: FilterOptions;
  onChange: (patch: SearchPatch, mode: ApplyMode) => void;
}) {
  const t = useTranslations("search.form");
  const titleTypes = useTranslations("search.titleTypes");
  const format = useFormat();
  const id = useId();
  const active = countActiveFilters(state);

  const knownSuburb = (text: string) => options.suburbs.find((option) => option.name.toLowerCase() === text.trim().toLowerCase())?.name;
  // Apply only a complete suburb: half a name would match nothing.
  const onSuburbText = (text: string) => {
    const match = text.trim() === "" ? "" : knownSuburb(text);
    if (match !== undefined) onChange({ suburb: match }, "typing");
  };

  const qBox = useTextBox(state.q, textOf, trimmed, (text) => onChange({ q: text.trim() }, "typing"));
  const suburbBox = useTextBox(state.suburb, textOf, trimmed, onSuburbText);
  const minValueBox = useTextBox(state.minValue, amountText, parseRandInput, (text) => onChange({ minValue: parseRandInput(text) }, "typing"));
  const maxValueBox = useTextBox(state.maxValue, amountText, parseRandInput, (text) => onChange({ maxValue: parseRandInput(text) }, "typing"));
  const minExtentBox = useTextBox(state.minExtent, amountText, parseExtentInput, (text) => onChange({ minExtent: parseExtentInput(text) }, "typing"));
  const maxExtentBox = useTextBox(state.maxExtent, amountText, parseExtentInput, (text) => onChange({ maxExtent: parseExtentInput(text) }, "typing"));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? "");
    onChange(
      {
        q: field("q").trim(),
        suburb: knownSuburb(field("suburb")) ?? field("suburb").trim(),
        minValue: parseRandInput(field("minValue")),
        maxValue: parseRandInput(field("maxValue")),
        minExtent: parseExtentInput(field("minExtent")),
        maxExtent: parseExtentInput(field("maxExtent")),
      },
      "now",
    );
  };

  const shortQuery = state.q.length > 0 && state.q.length < MIN_QUERY_LENGTH;

  return (
    <form id={SEARCH_FORM_ID} method="get" action="/" role="search" aria-label={t("label")} onSubmit={onSubmit} className="space-y-3">
      <div>
        <label htmlFor={`${id}-q`} className="mb-1 block font-medium text-slate-900">
          {t("q")}
        </label>
        <div className="flex gap-2">
          <input
            id={`${id}-q`}
            name="q"
            type="search"
            ref={qBox}
            defaultValue={state.q}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="search"
            placeholder={t("qPlaceholder")}
            aria-describedby={`${id}-q-hint`}
            className={`${inputClass} flex-1`}
            onChange={(event) => onChange({ q: event.target.value.trim() }, "typing")}
          />
          <button type="submit" className="shrink-0 rounded-md bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900">
            {t("submit")}
          </button>
        </div>
        <p id={`${id}-q-hint`} className="mt-1 text-sm text-slate-700">
          {shortQuery ? t("qTooShort", { min: String(MIN_QUERY_LENGTH) }) : t("qHint")}
        </p>
      </div>

      <details className="group rounded-md border border-slate-300 bg-white" open={active > 0 ? true : undefined}>
        <summary className="cursor-pointer select-none px-3 py-2 font-medium text-slate-900">
          {active > 0 ? t("filtersOn", { count: String(active) }) : t("filters")}
        </summary>
        <div className="grid grid-cols-1 gap-3 border-t border-slate-200 p-3 sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <label htmlFor={`${id}-roll`} className={labelClass}>
              {t("roll")}
            </label>
            <select id={`${id}-roll`} name="roll" value={state.roll} className={inputClass} onChange={(event) => onChange({ roll: event.target.value as SearchState["roll"] }, "now")}>
              {rolls.map((roll) => (
                <option key={roll.id} value={roll.id}>
                  {roll.id === defaultRoll ? t("rollCurrent", { roll: roll.label }) : roll.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-title`} className={labelClass}>
              {t("titleType")}
            </label>
            <select
              id={`${id}-title`}
              name="title"
              value={state.title ?? ""}
              className={inputClass}
              onChange={(event) => onChange({ title: event.target.value === "" ? null : (event.target.value as "full" | "sectional") }, "now")}
            >
              <option value="">{t("anyTitleType")}</option>
              <option value="full">{titleTypes("full")}</option>
              <option value="sectional">{titleTypes("sectional")}</option>
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-suburb`} className={labelClass}>
              {t("suburb")}
            </label>
            <input
              id={`${id}-suburb`}
              name="suburb"
              list={`${id}-suburbs`}
              ref={suburbBox}
              defaultValue={state.suburb}
              autoComplete="off"
              placeholder={t("suburbPlaceholder")}
              className={inputClass}
              onChange={(event) => onSuburbText(event.target.value)}
            />
            <datalist id={`${id}-suburbs`}>
              {options.suburbs.map((option) => (
                <option key={option.id} value={option.name} />
              ))}
            </datalist>
          </div>
          <div>
            <label htmlFor={`${id}-use`} className={labelClass}>
              {t("use")}
            </label>
            <select
              id={`${id}-use`}
              name="useCode"
              value={state.useCode ?? ""}
              className={inputClass}
              onChange={(event) => onChange({ useCode: event.target.value === "" ? null : Number(event.target.value) }, "now")}
            >
              <option value="">{t("anyUse")}</option>
              {state.useCode !== null && !options.useCodes.some((option) => option.code === state.useCode) && (
                <option value={state.useCode}>{t("useCode", { code: String(state.useCode) })}</option>
              )}
              {options.useCodes.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.label ?? t("useCode", { code: String(option.code) })} ({option.code})
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-category`} className={labelClass}>
              {t("ratingCategory")}
            </label>
            <select
              id={`${id}-category`}
              name="ratingCategory"
              value={state.ratingCategory}
              className={inputClass}
              onChange={(event) => onChange({ ratingCategory: event.target.value }, "now")}
            >
              <option value="">{t("anyRatingCategory")}</option>
              {state.ratingCategory !== "" && !options.ratingCategories.some((option) => option.name === state.ratingCategory) && (
                <option value={state.ratingCategory}>{state.ratingCategory}</option>
              )}
              {options.ratingCategories.map((option) => (
                <option key={option.name} value={option.name}>
                  {option.name}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="sm:col-span-2 lg:col-span-2">
            <legend className={labelClass}>{t("marketValue")}</legend>
            <div className="flex items-center gap-2">
              <label htmlFor={`${id}-min-value`} className="sr-only">
                {t("minValue")}
              </label>
              <input
                id={`${id}-min-value`}
                name="minValue"
                inputMode="numeric"
                autoComplete="off"
                placeholder={t("minValuePlaceholder")}
                ref={minValueBox}
                defaultValue={amountText(state.minValue)}
                className={inputClass}
                onChange={(event) => onChange({ minValue: parseRandInput(event.target.value) }, "typing")}
              />
              <span aria-hidden="true">{t("rangeTo")}</span>
              <label htmlFor={`${id}-max-value`} className="sr-only">
                {t("maxValue")}
              </label>
              <input
                id={`${id}-max-value`}
                name="maxValue"
                inputMode="numeric"
                autoComplete="off"
                placeholder={t("maxValuePlaceholder")}
                ref={maxValueBox}
                defaultValue={amountText(state.maxValue)}
                className={inputClass}
                onChange={(event) => onChange({ maxValue: parseRandInput(event.target.value) }, "typing")}
              />
            </div>
          </fieldset>
          <fieldset className="sm:col-span-2 lg:col-span-2">
            <legend className={labelClass}>{t("extent")}</legend>
            <div className="flex items-center gap-2">
              <label htmlFor={`${id}-min-extent`} className="sr-only">
                {t("minExtent")}
              </label>
              <input
                id={`${id}-min-extent`}
                name="minExtent"
                inputMode="decimal"
                autoComplete="off"
                placeholder={t("minExtentPlaceholder")}
                ref={minExtentBox}
                defaultValue={amountText(state.minExtent)}
                className={inputClass}
                onChange={(event) => onChange({ minExtent: parseExtentInput(event.target.value) }, "typing")}
              />
              <span aria-hidden="true">{t("rangeTo")}</span>
              <label htmlFor={`${id}-max-extent`} className="sr-only">
                {t("maxExtent")}
              </label>
              <input
                id={`${id}-max-extent`}
                name="maxExtent"
                inputMode="decimal"
                autoComplete="off"
                placeholder={t("maxExtentPlaceholder")}
                ref={maxExtentBox}
                defaultValue={amountText(state.maxExtent)}
                className={inputClass}
                onChange={(event) => onChange({ maxExtent: parseExtentInput(event.target.value) }, "typing")}
              />
            </div>
          </fieldset>
          <p className="text-sm text-slate-700 sm:col-span-2 lg:col-span-4">
            {t("amountsHint")} {options.suburbs.length > 0 && t("suburbCount", { count: format.number(options.suburbs.length) })}
          </p>
        </div>
      </details>
    </form>
  );
}
