import type { RowKey } from "../link-rolls";

// How the stored links compare with the simulator's ground truth: precision (of the links made,
// the share that are true) and recall (of the true links, the share made), overall and per kind
// of true link; and the same for the lists of new and gone properties.

export type TrueLinkKind = "same" | "renumbered" | "subdivided" | "consolidated" | "new" | "gone" | "scheme-created";
export type TrueLink = { from: RowKey | null; to: RowKey | null; kind: TrueLinkKind };
export type MadeLink = { from: RowKey; to: RowKey };

export type Accuracy = { made: number; truth: number; correct: number; precision: number; recall: number };
export type LinkAccuracy = {
  links: Accuracy;
  byKind: Record<string, { truth: number; found: number; recall: number }>;
  gone: Accuracy;
  added: Accuracy;
  /** Made links that are not true, for the test's message. */
  wrong: string[];
  /** True links not made. */
  missed: string[];
};

const keyOf = (row: RowKey) => `${row.titleType}:${row.rateNumber}`;
const pairOf = (from: RowKey, to: RowKey) => `${keyOf(from)}→${keyOf(to)}`;

function accuracy(made: ReadonlySet<string>, truth: ReadonlySet<string>): Accuracy {
  let correct = 0;
  for (const item of made) if (truth.has(item)) correct += 1;
  return { made: made.size, truth: truth.size, correct, precision: made.size === 0 ? 1 : correct / made.size, recall: truth.size === 0 ? 1 : correct / truth.size };
}

export function linkAccuracy(made: readonly MadeLink[], gone: readonly RowKey[], added: readonly RowKey[], truth: readonly TrueLink[]): LinkAccuracy {
  const madePairs = new Set(made.map((link) => pairOf(link.from, link.to)));
  const truePairs = new Set<string>();
  const byKind: LinkAccuracy["byKind"] = {};
  for (const link of truth) {
    if (link.from === null || link.to === null) continue;
    const pair = pairOf(link.from, link.to);
    truePairs.add(pair);
    const kind = (byKind[link.kind] ??= { truth: 0, found: 0, recall: 0 });
    kind.truth += 1;
    if (madePairs.has(pair)) kind.found += 1;
  }
  for (const kind of Object.values(byKind)) kind.recall = kind.truth === 0 ? 1 : kind.found / kind.truth;
  const trueGone = new Set(truth.filter((link) => link.kind === "gone" && link.from).map((link) => keyOf(link.from!)));
  const trueNew = new Set(truth.filter((link) => link.kind === "new" && link.to).map((link) => keyOf(link.to!)));
  return {
    links: accuracy(madePairs, truePairs),
    byKind,
    gone: accuracy(new Set(gone.map(keyOf)), trueGone),
    added: accuracy(new Set(added.map(keyOf)), trueNew),
    wrong: [...madePairs].filter((pair) => !truePairs.has(pair)),
    missed: [...truePairs].filter((pair) => !madePairs.has(pair)),
  };
}
