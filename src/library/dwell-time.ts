/** How long a page's tab is visible before the page is remembered: apart from dwell.ts so that the settings and the popup can say it without loading the content-script side. */
export const DWELL_MS = 15_000;
