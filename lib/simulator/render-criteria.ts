import { crlf, escapeHtml } from "./html-text";
import type { RollMeta } from "./roll-meta";
import type { SimDeedsTown, SimScheme, SimSuburb } from "./sim-types";

const INPUT_STYLE = "border-color: Silver; border-width: 1px; border-style: Solid; font-family: Arial; font-size: 8pt; width: 120px;";
const SELECT_STYLE = "font-family: Arial; font-size: 8pt; width: 200px;";

function textInput(name: string, maxlength: number): string {
  return `<input name="${name}" type="text" id="${name}" style="${INPUT_STYLE}" maxlength="${maxlength}" />`;
}

function volumeOptions(): string {
  const lines = ['                                    <option selected="selected" value="">[--Select Volume No.--]</option>'];
  for (let v = 1; v <= 89; v++) {
    const text = String(v).padStart(2, "0");
    lines.push(`                                    <option value="${text}">${text}</option>`);
  }
  return lines.join("\n");
}

function options(placeholder: string, items: readonly { value: string; text: string }[]): string {
  const lines = [`\t<option selected="selected" value="">${escapeHtml(placeholder)}</option>`];
  for (const item of items) lines.push(`\t<option value="${escapeHtml(item.value)}">${escapeHtml(item.text)}</option>`);
  return lines.join("\n");
}

function page(meta: RollMeta, title: string, action: string, body: string, script: string): string {
  return crlf(`<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">

<html xmlns="http://www.w3.org/1999/xhtml">
<head><title>
	${escapeHtml(title)}
</title><link href="../App_Themes/Default/StyleSheet.css" type="text/css" rel="stylesheet" /></head>
<body>
    <form method="post" action="./${action}" id="form1">
<div class="aspNetHidden">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKLTM0MjUyNjY5OWRkPqCq0bTqz3y3i7Ffh9y8rVwQ0e0=" />
</div>
    <div class="container" style="background-color: #f7f7f7; padding: 1%; margin-top: 1%; margin-bottom: 1%;">
        <table id="3DTable1" cellspacing="0" cellpadding="0" width="100%" border="0">
            <tr>
                <td class="FormH" style="width: 60%; background-color: #01273a">
                    <h4 style="margin: 0; color: white">Search Value Assist - Property (${escapeHtml(meta.title)})</h4>
                </td>
            </tr>
            <tr>
                <td colspan="2">
                    <table border="0" cellpadding="0" cellspacing="1" width="100%">
                        <tr>
                            <td colspan="7" class="windowHeaderSearch PaddingLeftSearch">Rate Number  </td>
                        </tr>
                        <tr class="searchContentRowStyle">
                            <td class="PaddingLeftSearch PaddingSearchWidth"></td>
                            <td class="widowRowCaptionSearch">Volume No.</td>
                            <td class="windowRowContentSearch">
                                <select name="drpVolumeNo" id="drpVolumeNo" style="font-family: Arial; font-size: 8pt; width: 120px;">
${volumeOptions()}

                                </select></td>
                            <td class="widowRowCaptionSearch ">Rate Number</td>
                            <td class="windowRowContentSearch">
                                ${textInput("txtRateNumber", 10)}</td>
                            <td colspan="2"><span id="SearchCriteria1_ValidateCriteria" style="color: Red; font-family: Arial; font-size: 8pt; display: none;">Please enter atleast one search criteria.</span>
                                <span id="spnSchemeName" style="color: Red; font-family: Arial; font-size: 8pt; display: none;">Please select scheme.</span></td>
                        </tr>
${body}
                    </table>
                </td>
            </tr>
        </table>
    </div>
    <div class="container">
        <div class="row" style="display: flex; justify-content: space-between;padding:1%">
            <input type="submit" name="btnSearch" value="Search" onclick="javascript:return SearchResult();" id="btnSearch" accesskey="s" title="Click to Search result" class="button" style="cursor: hand;" />
            <input type="submit" name="btnReset" value="Reset" id="btnReset" onclick="javascript:return Reset();" accesskey="r" title="Clear all the search values." class="button" style="cursor: hand;" />
            <input type="submit" name="btnBack" value="Back" id="btnBack" accesskey="b" onclick="javascript:return BackPerv();" title="Back to the previous page" class="button" style="cursor: hand;" />
        </div>
    </div>
    </form>
    <script language="javascript">
${script}
        function BackPerv() { history.back(-1); return false; }
        function getTextObjectValue(txtObject) { var txtValue = 0; try { txtValue = (document.getElementById(txtObject).value); } catch (e) { } return txtValue; }
        function setNullTextBox(txtObject) { try { document.getElementById(txtObject).value = ''; } catch (e) { } }
        function GetValueFromDropDownCombo(comboId) { var selectVal = ""; try { selectVal = document.getElementById(comboId).options[document.getElementById(comboId).selectedIndex].value; } catch (e) { } return selectVal; }
        function GetValueFromDropDownComboText(comboId) { var selectVal = ""; try { selectVal = document.getElementById(comboId).options[document.getElementById(comboId).selectedIndex].text; } catch (e) { } return selectVal; }
        function SetNullDropDownCombo(comboId) { try { document.getElementById(comboId).selectedIndex = 0; } catch (e) { } }
    </script>
</body>
</html>
`);
}

function addressRows(suburbs: readonly SimSuburb[]): string {
  return `                        <tr>
                            <td class="SearchsubBlank" colspan="7"></td>
                        </tr>
                        <tr>
                            <td colspan="7" class="windowHeaderSearch PaddingLeftSearch">Physical Address</td>
                        </tr>
                        <tr class="searchContentRowStyle">
                            <td class="PaddingLeftSearch PaddingSearchWidth"></td>
                            <td class="widowRowCaptionSearch ">Street No.</td>
                            <td class="windowRowContentSearch">
                                ${textInput("txtStreetNo", 20)}</td>
                            <td class="widowRowCaptionSearch ">Street Name</td>
                            <td class="windowRowContentSearch">
                                ${textInput("txtStreetName", 30)}</td>
                            <td class="widowRowCaptionSearch ">Suburb</td>
                            <td class="windowRowContentSearch">
                                <select name="drpSuburb" id="drpSuburb" style="${SELECT_STYLE}">
${options("[--Select Suburb--]", suburbs.map((s) => ({ value: String(s.id), text: s.name })))}

</select></td>
                        </tr>
                        <tr>
                            <td class="SearchsubBlank" colspan="7"></td>
                        </tr>
                        <tr>
                            <td colspan="7" class="windowHeaderSearch PaddingLeftSearch">Cadastral Description</td>
                        </tr>`;
}

/** FramePages/SearchCrit.aspx: the Full Title criteria form. */
export function renderFullTitleCriteria(meta: RollMeta, suburbs: readonly SimSuburb[], deedsTowns: readonly SimDeedsTown[]): string {
  const body = `${addressRows(suburbs)}
                        <tr id="SearchCriteria1_rowFullTitle" class="searchContentRowStyle">
                            <td class="PaddingLeftSearch PaddingSearchWidth"></td>
                            <td class="widowRowCaptionSearch ">ERF</td>
                            <td class="windowRowContentSearch">
                                ${textInput("txtERF", 10)}
                            </td>
                            <td class="widowRowCaptionSearch ">Portion</td>
                            <td class="windowRowContentSearch">
                                ${textInput("txtPortion", 10)}</td>
                            <td class="widowRowCaptionSearch ">Deeds Town</td>
                            <td class="windowRowContentSearch">
                                <select name="drpDeedsTown" id="drpDeedsTown" style="${SELECT_STYLE}">
${options("[--Select Deeds Town--]", deedsTowns.map((t) => ({ value: String(t.id), text: t.name })))}

</select></td>
                        </tr>`;
  const script = `        function Reset() { setNullTextBox("txtRateNumber"); setNullTextBox("txtStreetNo"); setNullTextBox("txtStreetName"); setNullTextBox("txtERF"); setNullTextBox("txtPortion"); SetNullDropDownCombo("drpVolumeNo"); SetNullDropDownCombo("drpSuburb"); SetNullDropDownCombo("drpDeedsTown"); return false; }
        function SearchResult() {
            try {
                var VolumeNo = GetValueFromDropDownCombo("drpVolumeNo"); var RateNumber = getTextObjectValue("txtRateNumber"); var StreetNo = getTextObjectValue("txtStreetNo"); var StreetName = getTextObjectValue("txtStreetName");
                var Suburb = GetValueFromDropDownCombo("drpSuburb"); var ERF = getTextObjectValue("txtERF"); var Portion = getTextObjectValue("txtPortion"); var DeedsTown = GetValueFromDropDownCombo("drpDeedsTown"); var SchemeName = ''; var SectionNumber = ''; var isNull = false; try {
                    if ((VolumeNo.length <= 0) && (RateNumber.length <= 0) && (StreetNo.length <= 0) && (StreetName.length <= 0) && (Suburb.length <= 0) && (ERF.length <= 0) && (Portion.length <= 0) && (DeedsTown.length <= 0) && (SchemeName.length <= 0) && (SectionNumber.length <= 0)) { isNull = true; }
                } catch (e) { } if (isNull) { document.getElementById("SearchCriteria1_ValidateCriteria").style.display = "block"; return false; } document.getElementById("SearchCriteria1_ValidateCriteria").style.display = "none"; var URL = "SearchResult.aspx?Roll=1&VolumeNo=" + VolumeNo + "&RateNumber=" + RateNumber + "&StreetNo=" + StreetNo + "&StreetName=" + StreetName + "&Suburb=" + Suburb + "&ERF=" + ERF + "&Portion=" + Portion + "&DeedsTown=" + DeedsTown + "&SchemeName=" + SchemeName + "&SectionNumber=" + SectionNumber + "&All=false"; parent.frameSearch.location.href = URL; return false;
            } catch (e) { alert(e.description); }
            return false;
        }`;
  return page(meta, "Search:Full Title Criteria", "SearchCrit.aspx", body, script);
}

/** FramePages/SearchCrit2.aspx: the Sectional Title criteria form. */
export function renderSectionalCriteria(meta: RollMeta, suburbs: readonly SimSuburb[], schemes: readonly SimScheme[]): string {
  const schemeNames = [...new Set(schemes.map((s) => s.name))];
  const schemeOptions = [
    '\t\t<option selected="selected" value="">[--Select Scheme Name--]</option>',
    ...schemeNames.map((name) => `\t\t<option value="1">${escapeHtml(name)}</option>`),
  ].join("\n");
  const body = `${addressRows(suburbs)}
                        <tr class="searchContentRowStyle">
                            <td class="PaddingLeftSearch PaddingSearchWidth"></td>
                            <td class="widowRowCaptionSearch ">Section No.</td>
                            <td class="windowRowContentSearch">
                                ${textInput("txtSectionNumber", 10)}</td>
                            <td class="widowRowCaptionSearch ">Scheme Name</td>
                            <td class="windowRowContentSearch" colspan="3">
                                <select name="drp" id="drpScheme" style="${SELECT_STYLE}">
${schemeOptions}
                                </select>

                                <span class="chkBox windowRowContentSearch">
                                    <input type="checkbox" id="chkScheme" value="chkS" title="Show whole scheme" class="chkBox" />Show whole scheme</span>
                            </td>
                        </tr>`;
  const script = `        function SearchResult() {
            try {
                var VolumeNo = GetValueFromDropDownCombo("drpVolumeNo"); var RateNumber = getTextObjectValue("txtRateNumber"); var StreetNo = getTextObjectValue("txtStreetNo"); var StreetName = getTextObjectValue("txtStreetName"); var Suburb = GetValueFromDropDownCombo("drpSuburb"); var ERF = ''; var Portion = ''; var DeedsTown = '';
                var SchemeName = GetValueFromDropDownCombo("drpScheme");
                var SectionNumber = getTextObjectValue("txtSectionNumber"); var isNull = false;

                try { if ((VolumeNo.length <= 0) && (RateNumber.length <= 0) && (StreetNo.length <= 0) && (StreetName.length <= 0) && (Suburb.length <= 0) && (ERF.length <= 0) && (Portion.length <= 0) && (DeedsTown.length <= 0) && (SchemeName.length <= 0) && (SectionNumber.length <= 0)) { isNull = true; } } catch (e) { } if (isNull) {
                    document.getElementById("SearchCriteria1_ValidateCriteria").style.display = "block"; return false;
                }

                document.getElementById("SearchCriteria1_ValidateCriteria").style.display = "none";

                var isAllScheme = document.getElementById("chkScheme").checked;

                if ((isAllScheme) && (SchemeName.length <= 0)) {
                    document.getElementById("spnSchemeName").style.display = "block";
                    return false;
                }

                SchemeName = GetValueFromDropDownComboText("drpScheme");
                if (SchemeName == "[--Select Scheme Name--]") {
                    SchemeName = '';
                }

                document.getElementById("spnSchemeName").style.display = "none";

                var URL = "SearchResult.aspx?Roll=2&VolumeNo=" + VolumeNo + "&RateNumber=" + RateNumber + "&StreetNo=" + StreetNo + "&StreetName=" + StreetName + "&Suburb=" + Suburb + "&ERF=" + ERF + "&Portion=" + Portion + "&DeedsTown=" + DeedsTown + "&SchemeName=" + SchemeName + "&SectionNumber=" + SectionNumber + "&All=" + isAllScheme;
                parent.frameSearch.location.href = URL; return false;
            } catch (e) { alert(e.description); } return false;
        }
        function Reset() { setNullTextBox("txtRateNumber"); setNullTextBox("txtStreetNo"); setNullTextBox("txtStreetName"); setNullTextBox("txtSectionNumber"); SetNullDropDownCombo("drpVolumeNo"); SetNullDropDownCombo("drpSuburb"); SetNullDropDownCombo("drpScheme"); return false; }`;
  return page(meta, "Search:Sectional Title Criteria", "SearchCrit2.aspx", body, script);
}
