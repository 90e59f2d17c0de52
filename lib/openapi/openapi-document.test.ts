import { readFileSync } from "node:fs";
import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { Ajv2020 } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { ValuationSchema } from "@/lib/valuations/valuation-schema";
import { seedRolls } from "@/lib/rolls/seed-rolls";
import { buildOpenApiDocument, serialiseOpenApiDocument } from "./openapi-document";

const committed = path.join(import.meta.dirname, "..", "..", "public", "openapi.json");

type Operation = {
  operationId?: string;
  summary?: string;
  parameters?: { name: string; in: string; schema: { type?: string } }[];
  responses: Record<string, { content?: Record<string, unknown> }>;
};

type Document = {
  openapi: string;
  paths: Record<string, { get: Operation }>;
  components: { schemas: Record<string, { examples?: unknown[] }> };
};

describe("the OpenAPI document", () => {
  it("is what public/openapi.json holds (run `npx tsx scripts/generate-openapi.ts` after changing the API)", () => {
    expect(readFileSync(committed, "utf8")).toBe(serialiseOpenApiDocument(seedRolls().map((roll) => roll.id)));
  });

  it("is valid OpenAPI 3.1 by the specification's own schema, as built and as committed", async () => {
    const documents = { built: buildOpenApiDocument(), committed: JSON.parse(readFileSync(committed, "utf8")) as object };
    for (const [name, document] of Object.entries(documents)) {
      // validate() dereferences the document it is given: hand it a copy.
      await expect(SwaggerParser.validate(structuredClone(document) as never), name).resolves.toMatchObject({ openapi: "3.1.0" });
    }
  });

  it("gives every operation an id, a summary and the problem answers it can give", () => {
    const document = buildOpenApiDocument() as Document;
    const operations = Object.values(document.paths).map((path) => path.get);
    const errorStatuses = Object.fromEntries(
      operations.map((operation) => [operation.operationId, Object.keys(operation.responses).filter((status) => Number(status) >= 400).sort()]),
    );
    expect(errorStatuses).toEqual({
      listValuations: ["400", "429", "500", "503"],
      getValuation: ["400", "404", "429", "500"],
      listSuburbs: ["400", "429", "500"],
      valuationStats: ["400", "429", "500"],
      listChanges: ["400", "429", "500", "503"],
      listUnlinked: ["400", "409", "429", "500", "503"],
      getComparables: ["400", "404", "429", "500"],
      changesFeed: ["400", "429", "500"],
      // Reads no database and takes no parameters: nothing for a client to get wrong.
      health: [],
      // Takes no parameters, but is rate limited and reads the roll registry.
      openApiDocument: ["429", "500"],
    });
    for (const operation of operations) {
      expect(operation.summary, operation.operationId).toMatch(/\S/);
      for (const status of errorStatuses[operation.operationId!]!) {
        expect(Object.keys(operation.responses[status]!.content ?? {}), `${operation.operationId} ${status}`).toEqual(["application/problem+json"]);
      }
    }
  });

  it("is OpenAPI 3.1 with every endpoint and the list's parameters typed as sent", () => {
    const document = buildOpenApiDocument() as Document;
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        "/api/changes",
        "/api/feeds",
        "/api/health",
        "/api/openapi.json",
        "/api/rolls/{roll}/unlinked",
        "/api/stats",
        "/api/suburbs",
        "/api/valuations",
        "/api/valuations/{rateNumber}",
        "/api/valuations/{rateNumber}/comparables",
      ],
    );
    const parameters = Object.fromEntries(document.paths["/api/valuations"]!.get.parameters!.map((p) => [p.name, p.schema.type]));
    expect(parameters).toMatchObject({ q: "string", limit: "integer", minExtent: "number", total: "boolean", sort: "string" });
    expect(document.paths["/api/valuations/{rateNumber}"]!.get.parameters![0]).toMatchObject({ name: "rateNumber", in: "path", required: true });
  });

  it("lists the rolls it is given (the registry's) as each roll parameter's values", () => {
    const document = buildOpenApiDocument(["gv2099", "gv2022"]) as Document;
    for (const path of ["/api/valuations", "/api/valuations/{rateNumber}", "/api/suburbs", "/api/stats"]) {
      const roll = document.paths[path]!.get.parameters!.find((parameter) => parameter.name === "roll") as { schema: { enum?: string[] } } | undefined;
      expect(roll?.schema.enum, path).toEqual(["gv2099", "gv2022"]);
    }
    const rollValued = [
      ["/api/stats", "compare"],
      ["/api/changes", "against"],
      ["/api/rolls/{roll}/unlinked", "against"],
      ["/api/rolls/{roll}/unlinked", "roll"],
    ];
    for (const [path, name] of rollValued) {
      const parameter = document.paths[path!]!.get.parameters!.find((candidate) => candidate.name === name) as { schema: { enum?: string[] } } | undefined;
      expect(parameter?.schema.enum, `${path} ${name}`).toEqual(["gv2099", "gv2022"]);
    }
  });

  it("has schemas a JSON Schema validator accepts, whose examples are valid", () => {
    const document = buildOpenApiDocument() as Document;
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    ajv.addSchema({ $id: "https://openapi.local/doc.json", components: document.components });
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      const validate = ajv.getSchema(`https://openapi.local/doc.json#/components/schemas/${name}`)!;
      for (const example of schema.examples ?? []) expect(validate(example), `${name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
    expect(ValuationSchema.safeParse((document.components.schemas.Valuation!.examples ?? [])[0]).success).toBe(true);
  });
});
