import { describe, expect, it } from "vitest";
import { planSuburbTasks, type SiteDiscovery } from "./discover-site";

const discovery: SiteDiscovery = {
  asAt: { valuations: "2022-02-11", ownership: "2022-02-11" },
  suburbs: {
    full: [
      { id: "22136", name: "AMANZIMTOTI" },
      { id: "22137", name: "PINETOWN" },
    ],
    sectional: [{ id: "22136", name: "AMANZIMTOTI" }],
  },
  warnings: [],
};

describe("planSuburbTasks", () => {
  it("plans one task per title type and suburb", () => {
    expect(planSuburbTasks(discovery, ["full", "sectional"])).toEqual([
      { titleType: "full", suburbId: "22136", suburbName: "AMANZIMTOTI" },
      { titleType: "full", suburbId: "22137", suburbName: "PINETOWN" },
      { titleType: "sectional", suburbId: "22136", suburbName: "AMANZIMTOTI" },
    ]);
  });

  it("keeps only the chosen title types and suburbs", () => {
    expect(planSuburbTasks(discovery, ["full"], ["22137"])).toEqual([
      { titleType: "full", suburbId: "22137", suburbName: "PINETOWN" },
    ]);
  });

  it("refuses a suburb id the site does not list", () => {
    expect(() => planSuburbTasks(discovery, ["full"], ["99999"])).toThrow(/99999/);
  });
});
