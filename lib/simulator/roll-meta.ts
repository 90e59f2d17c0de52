import type { RollId } from "./sim-types";

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
  gv2022: {
    title: "VALUATION ROLL (GV 2022)",
    dataAsAt: "11 February 2022",
    valuationDate: "2 July 2021",
    effectiveDate: "1 July 2022",
    inspection: "11 February 2022 to 16 May 2022",
  },
  gv2017: {
    title: "VALUATION ROLL (GV 2017)",
    dataAsAt: "17 February 2017",
    valuationDate: "2 July 2016",
    effectiveDate: "1 July 2017",
    inspection: "17 February 2017 to 31 May 2017",
  },
};
