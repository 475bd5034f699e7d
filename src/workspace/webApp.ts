// The web app deployment and the pages it serves (HtmlService).

/**
 * The web app's URL, or null when the script has no web app deployment ("Returns the URL of the web
 * app, if it has been deployed; otherwise returns null"). Never throws: without it, emails simply
 * carry no personal link.
 */
export function webAppUrl_(): string | null {
  try {
    const url = ScriptApp.getService().getUrl();
    return typeof url === 'string' && /^https?:\/\//.test(url) ? url : null;
  } catch {
    return null;
  }
}

/**
 * A page for doGet to return. The viewport meta tag must be added through HtmlOutput (web apps
 * ignore meta tags in the HTML itself). XFrameOptionsMode is left at its default, so no other site
 * can frame the page.
 */
export function htmlPage_(content: string, title: string): GoogleAppsScript.HTML.HtmlOutput {
  return HtmlService.createHtmlOutput(content).setTitle(title).addMetaTag('viewport', 'width=device-width, initial-scale=1');
}

/** A project HTML file's content (the built page), or null when it is missing. */
export function projectFile_(name: string): string | null {
  try {
    return HtmlService.createHtmlOutputFromFile(name).getContent();
  } catch {
    return null;
  }
}

/** The bare HtmlOutput, for when even the page settings failed. */
export function plainHtml_(content: string): GoogleAppsScript.HTML.HtmlOutput {
  return HtmlService.createHtmlOutput(content);
}
