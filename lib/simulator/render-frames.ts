import { crlf, escapeHtml } from "./html-text";
import type { RollMeta } from "./roll-meta";

/** `/` (PropertySearch.htm): the top-level frameset. */
export function renderPropertySearch(meta: RollMeta): string {
  return crlf(`<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Frameset//EN" "http://www.w3.org/TR/html4/frameset.dtd">
<html>
<head>
<title>${escapeHtml(meta.title)}</title>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
</head>
<FRAMESET rows="125,*,25" frameborder="NO" border="0" framespacing="0">
  <frame src="FramePages/Header.aspx" name="topFrame" id="topFrame" scrolling="NO" noresize title="topFrame">
  <frame src="FramePages/SearchType.aspx" name="mainFrame" id="mainFrame" title="mainFrame">
  <frame src="FramePages/Footer.aspx" name="bottomFrame" id="bottomFrame" scrolling="NO" noresize title="bottomFrame">
</FRAMESET>
<noframes><body>
Your browser does not support frames.
</body></noframes>
</html>
`);
}

/** Search.aspx / Search2.aspx: criteria frame on top, results frame below. */
export function renderSearchFrameset(meta: RollMeta, criteriaPage: "SearchCrit.aspx" | "SearchCrit2.aspx"): string {
  return crlf(`<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Frameset//EN" "http://www.w3.org/TR/html4/frameset.dtd">
<html>
<head><title>
	${escapeHtml(meta.title)}
</title></head>
<FRAMESET id="frmSearchType" rows="155,*" frameborder="NO" border="0" framespacing="0">
  <frame src="${criteriaPage}" name="frmSearchCriter" id="frmSearchCriter" scrolling="NO" title="frmSearchCriter">
  <frame src="blank.htm" name="frameSearch" id="frameSearch" title="frameSearch">
</FRAMESET>
<noframes><body>
Your browser does not support frames.
</body></noframes>
</html>
`);
}

export function renderHeader(meta: RollMeta): string {
  return crlf(`<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head><title>
	Header
</title></head>
<body>
    <div class="header">
        <h1>eThekwini Municipality</h1>
        <h2>${escapeHtml(meta.title)}</h2>
        <p>Market valuation as at ${escapeHtml(meta.valuationDate)}, in effect from ${escapeHtml(meta.effectiveDate)}.</p>
    </div>
</body>
</html>
`);
}

export function renderFooter(): string {
  return crlf(`<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head><title>
	Footer
</title></head>
<body>
    <div class="footer">Powered by Value Assist &copy; DataWorld</div>
</body>
</html>
`);
}

export function renderBlank(): string {
  return crlf(`<html>
<head><title></title></head>
<body>
</body>
</html>
`);
}
