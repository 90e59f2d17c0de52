import { crlf, escapeHtml } from "./html-text";

export const DATABASE_DOWN_MESSAGE =
  "A network-related or instance-specific error occurred while establishing a connection to SQL Server. The server was not found or was not accessible. Verify that the instance name is correct and that SQL Server is configured to allow remote connections. (provider: Named Pipes Provider, error: 40 - Could not open a connection to SQL Server)";
/** The SQL command timeout (the .NET default of 30 s), as the site's error logs record it. */
export const DATABASE_TIMEOUT_MESSAGE =
  "Timeout expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.";
/** Connection-pool exhaustion, as the site's error logs record it. */
export const POOL_EXHAUSTED_MESSAGE =
  "Timeout expired.  The timeout period elapsed prior to obtaining a connection from the pool.  This may have occurred because all pooled connections were in use and max pool size was reached.";
export const INDEX_OUT_OF_RANGE_MESSAGE = "Index was out of range. Must be non-negative and less than the size of the collection.\r\nParameter name: index";
export const OVERFLOW_MESSAGE = "Value was either too large or too small for an Int32.";
export const NULL_REFERENCE_MESSAGE = "Object reference not set to an instance of an object.";
export const FORMAT_MESSAGE = "Input string was not in a correct format.";
export const BOOLEAN_MESSAGE = "String was not recognized as a valid Boolean.";
export const INVALID_POSTBACK_MESSAGE =
  "Invalid postback or callback argument.  Event validation is enabled using <pages enableEventValidation=\"true\"/> in configuration or <%@ Page EnableEventValidation=\"true\" %> in a page.  For security purposes, this feature verifies that arguments to postback or callback events originate from the server control that originally rendered them.  If the data is valid and expected, use the ClientScriptManager.RegisterForEventValidation method in order to register the postback or callback data for validation.";

/** An ASP.NET "yellow screen of death" (HTTP 500). */
export function renderAspNetErrorPage(message: string, exceptionType: string): string {
  const text = escapeHtml(message);
  return crlf(`<!DOCTYPE html>
<html>
    <head>
        <title>${text}</title>
        <meta name="viewport" content="width=device-width" />
        <style>
         body {font-family:"Verdana";font-weight:normal;font-size: .7em;color:black;}
         p {font-family:"Verdana";font-weight:normal;color:black;margin-top: -5px}
         b {font-family:"Verdana";font-weight:bold;color:black;margin-top: -5px}
         H1 { font-family:"Verdana";font-weight:normal;font-size:18pt;color:red }
         H2 { font-family:"Verdana";font-weight:normal;font-size:14pt;color:maroon }
         pre {font-family:"Consolas","Lucida Console",Monospace;font-size:11pt;margin:0;padding:0.5em;line-height:14pt}
        </style>
    </head>

    <body bgcolor="white">

            <span><H1>Server Error in '/' Application.<hr width=100% size=1 color=silver></H1>

            <h2> <i>${text}</i> </h2></span>

            <font face="Arial, Helvetica, Geneva, SunSans-Regular, sans-serif ">

            <b> Description: </b>An unhandled exception occurred during the execution of the current web request. Please review the stack trace for more information about the error and where it originated in the code.

            <br><br>

            <b> Exception Details: </b>${escapeHtml(exceptionType)}: ${text}<br><br>

            <hr width=100% size=1 color=silver>

            <b>Version Information:</b>&nbsp;Microsoft .NET Framework Version:4.0.30319; ASP.NET Version:4.8.4494.0

            </font>

    </body>
</html>
`);
}

export const renderDatabaseDownPage = () => renderAspNetErrorPage(DATABASE_DOWN_MESSAGE, "System.Data.SqlClient.SqlException");
export const renderDatabaseTimeoutPage = () => renderAspNetErrorPage(DATABASE_TIMEOUT_MESSAGE, "System.Data.SqlClient.SqlException");
export const renderPoolExhaustedPage = () => renderAspNetErrorPage(POOL_EXHAUSTED_MESSAGE, "System.InvalidOperationException");
export const renderIndexOutOfRangePage = () => renderAspNetErrorPage(INDEX_OUT_OF_RANGE_MESSAGE, "System.ArgumentOutOfRangeException");
export const renderOverflowPage = () => renderAspNetErrorPage(OVERFLOW_MESSAGE, "System.OverflowException");
export const renderNullReferencePage = () => renderAspNetErrorPage(NULL_REFERENCE_MESSAGE, "System.NullReferenceException");
export const renderFormatErrorPage = () => renderAspNetErrorPage(FORMAT_MESSAGE, "System.FormatException");
export const renderBooleanErrorPage = () => renderAspNetErrorPage(BOOLEAN_MESSAGE, "System.FormatException");
export const renderInvalidPostbackPage = () => renderAspNetErrorPage(INVALID_POSTBACK_MESSAGE, "System.ArgumentException");

/** IIS's own 404 page. */
export function renderNotFoundPage(): string {
  return crlf(`<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"/>
<title>404 - File or directory not found.</title>
</head>
<body>
<div id="header"><h1>Server Error</h1></div>
<div id="content">
 <div class="content-container"><fieldset>
  <h2>404 - File or directory not found.</h2>
  <h3>The resource you are looking for might have been removed, had its name changed, or is temporarily unavailable.</h3>
 </fieldset></div>
</div>
</body>
</html>
`);
}

/** Too many requests (a fault the simulator can inject). */
export function renderTooManyRequestsPage(): string {
  return crlf(`<html><head><title>429 Too Many Requests</title></head>
<body><h1>Too Many Requests</h1><p>The server is busy. Please retry later.</p></body></html>
`);
}

/** The body ASP.NET sends with a 302 from Response.Redirect. */
export function renderObjectMovedPage(location: string): string {
  return crlf(`<html><head><title>Object moved</title></head><body>
<h2>Object moved to <a href="${escapeHtml(location)}">here</a>.</h2>
</body></html>
`);
}
