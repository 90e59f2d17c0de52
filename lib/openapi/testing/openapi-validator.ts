import { Ajv2020 } from "ajv/dist/2020";
import addFormats from "ajv-formats";

// Checks an HTTP answer against the OpenAPI document with a JSON Schema validator: the response
// must be documented (path, method, status, media type) and its body must match the schema.

type Document = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };

const DOCUMENT_ID = "https://openapi.local/openapi.json";
const pointer = (...parts: string[]) => parts.map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

export type OpenApiValidator = (answer: { path: string; method: string; status: number; contentType: string | null; body: string }) => string[];

export function createOpenApiValidator(document: Document): OpenApiValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: DOCUMENT_ID });
  const templates = Object.keys(document.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
  }));

  return ({ path, method, status, contentType, body }) => {
    const template = templates.find((candidate) => candidate.pattern.test(path))?.template;
    if (!template) return [`${path} is not in the document`];
    const operation = document.paths[template]?.[method.toLowerCase()];
    if (!operation) return [`${method} ${template} is not in the document`];
    const response = operation.responses[String(status)];
    if (!response) return [`${method} ${template} does not document status ${status}`];
    if (status === 304) return body === "" ? [] : ["a 304 has a body"];
    const mediaType = (contentType ?? "").split(";")[0]?.trim() ?? "";
    if (!response.content?.[mediaType]) return [`${method} ${template} ${status} does not document ${mediaType || "no Content-Type"}`];
    const validate = ajv.getSchema(`${DOCUMENT_ID}#/${pointer("paths", template, method.toLowerCase(), "responses", String(status), "content", mediaType, "schema")}`);
    if (!validate) return ["no schema to validate against"];
    const values =
      mediaType === "application/x-ndjson"
        ? body.split("\n").filter((line) => line !== "").map((line) => JSON.parse(line) as unknown)
        : mediaType === "text/csv" || mediaType === "application/atom+xml"
          ? [body]
          : [JSON.parse(body) as unknown];
    return values.flatMap((value, index) =>
      validate(value) ? [] : (validate.errors ?? []).map((error) => `${values.length > 1 ? `line ${index + 1}: ` : ""}${error.instancePath} ${error.message}`),
    );
  };
}
