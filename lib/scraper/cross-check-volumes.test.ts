import { describe, expect, it } from "vitest";
import { suburbNamedLike } from "./cross-check-volumes";

const suburbs = [
  { suburbId: "1", suburbName: "TONGAAT" },
  { suburbId: "2", suburbName: "TONGAAT BEACH" },
  { suburbId: "3", suburbName: "Chelmsfordville" },
];

describe("suburbNamedLike", () => {
  it("takes the suburb named as the locality, in any case", () => {
    expect(suburbNamedLike("TONGAAT", suburbs)).toBe("1");
    expect(suburbNamedLike("CHELMSFORDVILLE", suburbs)).toBe("3");
  });

  it("else the longest suburb name the locality starts with, as a whole word", () => {
    expect(suburbNamedLike("TONGAAT BEACH RURAL", suburbs)).toBe("2");
    expect(suburbNamedLike("CHELMSFORDVILLE RURAL", suburbs)).toBe("3");
    expect(suburbNamedLike("TONGAATVILLE", suburbs)).toBeUndefined();
    expect(suburbNamedLike("", suburbs)).toBeUndefined();
  });
});
