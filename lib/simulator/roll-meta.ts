import type { RollId } from "./sim-types";

/** The rolls in the order they were made: movement is simulated between neighbours. */
export const ROLL_IDS: readonly RollId[] = ["gv2012", "gv2017", "gv2022", "gv2026"];

/** What each roll's pages say about themselves. */
export interface RollMeta {
  title: string;
  /** "Property Register and Market Valuations" and "Ownership Information" dates. */
  dataAsAt: string;
  valuationDate: string;
  effectiveDate: string;
  inspection: string;
}

export const ROLL_META: Record<RollId, RollMeta> = {
  gv2012: {
    title: "VALUATION ROLL (GV 2012)",
    dataAsAt: "21 February 2012",
    valuationDate: "2 July 2011",
    effectiveDate: "1 July 2012",
    // Simulated: the GV2012 inspection period is not evidenced; it follows the later rolls' pattern.
    inspection: "21 February 2012 to 31 May 2012",
  },
  gv2017: {
    title: "VALUATION ROLL (GV 2017)",
    dataAsAt: "17 February 2017",
    valuationDate: "2 July 2016",
    effectiveDate: "1 July 2017",
    inspection: "17 February 2017 to 31 May 2017",
  },
  gv2022: {
    title: "VALUATION ROLL (GV 2022)",
    dataAsAt: "11 February 2022",
    valuationDate: "2 July 2021",
    effectiveDate: "1 July 2022",
    inspection: "11 February 2022 to 16 May 2022",
  },
  // Simulated: GV2026 is not published yet; plausible dates in the pattern of the earlier rolls.
  gv2026: {
    title: "VALUATION ROLL (GV 2026)",
    dataAsAt: "20 February 2026",
    valuationDate: "1 July 2025",
    effectiveDate: "1 July 2026",
    inspection: "20 February 2026 to 31 March 2026",
  },
};
