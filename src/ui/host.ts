// google.script.host for pages: the dialog's own size and closing. Absent outside Apps Script
// (plain browser), so every call is optional.
interface Host {
  close?(): void;
  setWidth?(width: number): void;
  setHeight?(height: number): void;
}

function host(): Host | undefined {
  return (window as unknown as { google?: { script?: { host?: Host } } }).google?.script?.host;
}

/**
 * Grows a dialog to the screen it is shown on. The server cannot know the screen, so it opens the
 * dialog at a size that fits a laptop; here the page asks for the available screen less the room
 * Sheets' own toolbar and the dialog frame take (a dialog larger than the browser window is cut).
 */
export function fitDialogToScreen(max = { width: 1800, height: 1100 }): void {
  const h = host();
  const s = window.screen;
  if (!h || !s) return;
  const width = Math.min(max.width, Math.max(800, s.availWidth - 80));
  const height = Math.min(max.height, Math.max(500, s.availHeight - 220));
  h.setWidth?.(width);
  h.setHeight?.(height);
}

export function closeHost(): void {
  host()?.close?.();
}
