import { crlf, escapeHtml } from "./html-text";
import type { RollMeta } from "./roll-meta";

export const SEARCH_TYPE_OPTIONS = [
  { value: "", text: "" },
  { value: "1", text: "Full Title Property" },
  { value: "2", text: "Sectional Title Property" },
] as const;

/** The postback values SearchType.aspx accepts (what its event validation token covers). */
export function searchTypeAllowedValues(): string[] {
  return [...SEARCH_TYPE_OPTIONS.map((o) => `drpSearchType=${o.value}`), "btnGo=Go"];
}

export interface SearchTypePageOptions {
  eventValidation: string;
  viewState: string;
  /** Show the required-field message (a postback without a roll chosen). */
  showRequired?: boolean;
  selected?: string;
}

/** FramePages/SearchType.aspx: the WebForms page that chooses Full or Sectional Title. */
export function renderSearchType(meta: RollMeta, options: SearchTypePageOptions): string {
  const optionLines = SEARCH_TYPE_OPTIONS.map((o) => {
    const selected = (options.selected ?? "") === o.value ? ' selected="selected"' : "";
    return `\t<option${selected} value="${o.value}">${escapeHtml(o.text)}</option>`;
  }).join("\n");
  const requiredStyle = options.showRequired ? "color:Red;" : "color:Red;display:none;";
  return crlf(`<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">

<html xmlns="http://www.w3.org/1999/xhtml">
<head><title>
	${escapeHtml(meta.title)}
</title><link href="../App_Themes/Default/StyleSheet.css" type="text/css" rel="stylesheet" /></head>
<body>
    <form method="post" action="./SearchType.aspx" onsubmit="javascript:return WebForm_OnSubmit();" id="form1">
<div class="aspNetHidden">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="${escapeHtml(options.viewState)}" />
</div>

<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['form1'];
if (!theForm) {
    theForm = document.form1;
}
function __doPostBack(eventTarget, eventArgument) {
    if (!theForm.onsubmit || (theForm.onsubmit() != false)) {
        theForm.__EVENTTARGET.value = eventTarget;
        theForm.__EVENTARGUMENT.value = eventArgument;
        theForm.submit();
    }
}
function WebForm_OnSubmit() { return true; }
//]]>
</script>

<div class="aspNetHidden">

	<input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="9E0ED2D8" />
	<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="${escapeHtml(options.eventValidation)}" />
</div>
    <div class="container" style="background-color: #f7f7f7; padding: 1%; margin-top: 1%; margin-bottom: 1%;">
        <div style="padding: 1%">
            <table id="3DTable1" cellspacing="0" cellpadding="0" width="100%" border="0">
                <tr>
                    <td class="FormH" style="width:60%; background-color:#01273a">
                        <h4 style="margin: 0;color:white">Search Value Assist - Property</h4>
                    </td>
                </tr>
                <tr>
                    <td align="center">
                        <table width="100%" border="0" cellpadding="0" cellspacing="0">
                            <tr class="searchContentRowStyle" style="width:60%">
                                <td class="PaddingLeftSearch" style="float:left; width:auto">Valuation Roll</td>
                                <td class="windowRowContentSearch PaddingLeftSearch" style="float:left; width: auto;height:100%;padding-right:1%" align="left; ">
                                    <select name="drpSearchType" id="drpSearchType" style="font-family:Segoe UI;font-size:Medium;">
${optionLines}

</select>
                                </td>
                                <td align="left" style="float:left">
                                    <input type="submit" name="btnGo" value="Go" id="btnGo" title="Click" class="button" accesskey="s" style="cursor: hand;" />
                                </td>
                                <td>&nbsp;</td>
                            </tr>
                            <tr class="searchContentRowStyle PaddingLeftSearch">
                                <td colspan="4" align="left" style="color:red">
                                    <span id="RequiredFieldValidator1" style="${requiredStyle}">***Please select valuation roll***</span>
                                </td>
                            </tr>
                        </table>
                    </td>
                </tr>
                <tr>
                    <td align="left">
                        <br />
                        <br />
                        <div class="content" id="Message">
                            <b style="color: Red;">Use either Rate Number / Physical Address/Cadastral Description Only to search the valuations </b>
                            <br />
                            <br />
                            This site represents the market valuation of your property as at ${escapeHtml(meta.valuationDate)}.
                    <br />
                            This will come into effect on ${escapeHtml(meta.effectiveDate)}.
                    <br />
                            <br />
                            <table border="1" cellpadding="3" cellspacing="0" style="visibility: visible">
                                <tr>
                                    <td>1.</td>
                                    <td>Property Register and Market Valuations :</td>
                                    <td><b>${escapeHtml(meta.dataAsAt)}</b></td>
                                </tr>
                                <tr>
                                    <td>2.</td>
                                    <td>Ownership Information :</td>
                                    <td><b>${escapeHtml(meta.dataAsAt)}</b></td>
                                </tr>
                            </table>
                        </div>
                    </td>
                </tr>
            </table>
        </div>
    </div>
    <div class="container content" style="background-color: #f7f7f7; padding: 1%; margin-top: 1%; margin-bottom: 1%;">
        <table>
            <tr>
                <td>The valuation roll will be open for public inspection from <b style="color: red; font-size: 15px;">${escapeHtml(meta.inspection)}</b></td>
            </tr>
        </table>
    </div>
    </form>
</body>
</html>
`);
}
