/** HTML escaping as the site's XSLT and ASP.NET controls do it (apostrophes stay as they are). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => (ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : "&quot;"));
}

/** IIS files use Windows line endings. */
export function crlf(text: string): string {
  return text.replace(/\r?\n/g, "\r\n");
}
