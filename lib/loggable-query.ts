// What a log line keeps of a query string: every parameter's name, and the value only of
// parameters that cannot hold a name or a search term (an allow-list, each value checked against
// its shape). No search term, street, suburb or cursor is ever written to a log (POPIA: a log of
// what people searched for is personal data we have no purpose for).

export const WITHHELD = "(withheld)";

const word = /^[A-Za-z0-9-]{1,32}$/;
const number = /^-?\d{1,15}(\.\d{1,4})?$/;

const LOGGABLE: Record<string, RegExp> = {
  roll: word,
  title: word,
  sort: word,
  format: word,
  groupBy: word,
  limit: number,
  total: word,
  includeRemoved: word,
  useCode: number,
  minValue: number,
  maxValue: number,
  minExtent: number,
  maxExtent: number,
  rateNumber: /^(\d{1,12}|PIN:\d{1,16})$/,
};

/** `?roll=gv2022&q=(withheld)`: the parameters in their order; undefined for no query. */
export function loggableQuery(search: string): string | undefined {
  const params = new URLSearchParams(search);
  const parts: string[] = [];
  for (const [name, value] of params) {
    const shape = Object.hasOwn(LOGGABLE, name) ? LOGGABLE[name] : undefined;
    const safeName = /^[A-Za-z0-9_-]{1,40}$/.test(name) ? name : WITHHELD;
    parts.push(`${safeName}=${shape?.test(value) ? value : WITHHELD}`);
  }
  return parts.length > 0 ? `?${parts.join("&")}` : undefined;
}
