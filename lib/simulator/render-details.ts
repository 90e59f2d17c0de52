import { displayedAddress, displayedUseCode, legalDescription } from "./display-property";
import { formatDetailMarketValue, formatExtent } from "./format-number";
import { crlf, escapeHtml } from "./html-text";
import type { SimDeedsTown, SimProperty, TitleType } from "./sim-types";

function cell(caption: string, value: string): string {
  return `          <td  class="widowRowCaption">${caption}</td>
          <td class="tdContaint">
            ${escapeHtml(value)}
          </td>`;
}

function rows(pairs: readonly (readonly [string, string])[]): string {
  const out: string[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const left = pairs[i];
    const right = pairs[i + 1];
    out.push(`        <tr>
${left ? cell(left[0], left[1]) : ""}
${right ? cell(right[0], right[1]) : cell("", "")}
        </tr>`);
  }
  return out.join("\n");
}

function propertyDetails(p: SimProperty | undefined, title: TitleType, deedsTownName: string): string {
  const v = (value: string | number | null | undefined) => (value === null || value === undefined ? "" : String(value));
  const pairs: [string, string][] =
    title === "sectional"
      ? [
          ["Section Number", v(p?.sectionNumber)],
          ["Scheme Name", v(p?.schemeName)],
          ["Scheme Number", v(p?.schemeNumber)],
          ["SRA Code", v(p?.sraCode)],
          ["Use Code", p ? displayedUseCode(p) : ""],
          ["Rating Category", v(p?.ratingCategory)],
          ["Government Code", v(p?.governmentCode)],
          ["", ""],
          ["Exemptions", v(p?.exemptions)],
          ["Rebates", v(p?.rebates)],
          ["Phasing In", v(p?.phasingIn)],
          ["Exclusions", v(p?.exclusions)],
        ]
      : [
          ["ERF Number", v(p?.erfNumber)],
          ["Deeds Township/ Farm", deedsTownName],
          ["Use Code", p ? displayedUseCode(p) : ""],
          ["Rating Category", v(p?.ratingCategory)],
          ["Government Code", v(p?.governmentCode)],
          ["", ""],
          ["Exemptions", v(p?.exemptions)],
          ["Rebates", v(p?.rebates)],
          ["Phasing In", v(p?.phasingIn)],
          ["Exclusions", v(p?.exclusions)],
          ["SRA Code", v(p?.sraCode)],
          ["Property Type", v(p?.propertyType)],
        ];
  return `<div id="divPropertDetails" style="display:block;">
      <table class="tblInner" width="100%" border="1" cellpadding="0" cellspacing="0" >
${rows(pairs)}
      </table>
    </div>`;
}

/**
 * FramePages/SearchDeatils.aspx. An unknown PIN renders the page with every field empty and no
 * owners (the XSLT runs over an empty result); `title` then picks the field list from PType.
 */
export function renderDetailsPage(
  p: SimProperty | undefined,
  title: TitleType,
  deedsTowns: readonly SimDeedsTown[],
  /** Number cells printed otherwise (an odd database value), instead of the property's own. */
  printed: { marketValue?: string; registeredExtent?: string } = {},
): string {
  const deedsTownName = p ? (deedsTowns.find((t) => t.id === p.deedsTownId)?.name ?? "") : "";
  const owners = (p?.owners ?? [])
    .map((name) => `          <tr>
            <td  class="tdContaint" >
              ${escapeHtml(name)}
            </td>
          </tr>`)
    .join("\n");
  const effectiveTitle = p?.titleType ?? title;
  return crlf(`<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" >
<head><title>
	PIN Details
</title>
    <script language="javascript" type="text/javascript">try{var f = parent.document.getElementById('frmSearchType');if(f==null){location.href="./../PropertySearch.htm";}f.rows="195,*";function LoadingLayers(){}}catch(e){}</script>
</head>
<body>
    <form method="post" id="form1">
<html>
  <body>
    <table class="tableWithBorderCSS" border="0" cellpadding="0" cellspacing="0" width="100%">
      <tr>
        <td>
  <div class="container content" style="background-color: #f7f7f7; padding: 1%; margin-top: 1%; margin-bottom: 1%;">
    <table border="0" width="100%" cellpadding="0" cellspacing="0" style="padding-left:10px;padding-right:10px;">
      <tr>
        <td class="windowHeader1" align="center">Property Profile</td>
      </tr>
      <tr>
        <td>
          <table width="100%" cellpadding="0" cellspacing="0"  border="0">
            <tr>
              <td valign="top">
      <table class="tblInner" width="100%" border="1" cellpadding="0" cellspacing="0" >
${rows([
  ["Rate Number", p?.rateNumber ?? ""],
  ["Property Description", p ? legalDescription(p) : ""],
  ["Address", p ? displayedAddress(p) : ""],
  ["Registered Extent (m&#178;)", printed.registeredExtent ?? (p ? formatExtent(p.registeredExtent) : "")],
])}
      </table>
              </td>
            </tr>
            <tr>
              <td  class="BlankRow"> </td>
            </tr>
            <tr>
              <td  class="windowSubHeader1">
                <div  style="display:block;cursor:hand; align:center;" onclick="javascript:ToggleDiv('divPropertDetails')">Property Details</div>
              </td>
            </tr>
            <tr>
              <td valign="top">
    ${propertyDetails(p, effectiveTitle, deedsTownName)}
              </td>
            </tr>
            <tr>
              <td  class="BlankRow"> </td>
            </tr>
            <tr>
              <td  class="windowSubHeader1">
                <div  style="display:block;cursor:hand; align:center;" onclick="javascript:ToggleDiv('divValuations')">Valuations</div>
              </td>
            </tr>
            <tr>
              <td valign="top">
                <div id="divValuations" style="display:block;">
                  <table class="tblInner" width="100%" border="1" cellpadding="0" cellspacing="0" >
                    <tr>
                      <td  class="widowRowCaption" width="10%">Market Value</td>
                      <td class="tdContaint">
                        ${escapeHtml(printed.marketValue ?? (p ? formatDetailMarketValue(p.marketValue) : ""))}
                      </td>
                      <td width='9%' class='widowRowCaptionBlank'></td>
                      <td class="tdContaint"></td>
                    </tr>
                  </table>
                </div>
              </td>
            </tr>
            <tr>
              <td  class="BlankRow"> </td>
            </tr>
            <tr>
              <td  class="windowSubHeader1">
                <div  style="display:block;cursor:hand; align:center;" onclick="javascript:ToggleDiv('divOwnsers')">Owners</div>
              </td>
            </tr>
            <tr>
              <td valign="top">
    <div id="divOwnsers" style="display:block;">
      <table class="tblInner" width="100%" border="1" cellpadding="0" cellspacing="0" >
        <tr>
          <td  class="widowRowCaption"  align="center">Name</td>
        </tr>
${owners}
      </table>
    </div>
              </td>
            </tr>
          </table>
        </td>
      </tr>
    </table>
  </div>
        </td>
      </tr>
    </table>
  </body>
</html>
    </form>
</body>
</html>
`);
}
