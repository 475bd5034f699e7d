// A message to whoever is looking at the spreadsheet. A toast never blocks, and is harmless when
// nobody is looking (a trigger); an alert would suspend the script and drop the script lock.
import { inWebApp_, spreadsheet_ } from './spreadsheet';

export function toast_(message: string, title: string, seconds = 10): void {
  if (inWebApp_()) return; // nobody is looking at the sheet
  try {
    spreadsheet_().toast(message, title, seconds);
  } catch {
    // No UI in this context: the caller's return value carries the message.
  }
}
