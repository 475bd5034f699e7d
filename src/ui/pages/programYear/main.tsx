// The program-year dialog (menu "New program year…"): a modal dialog over the sheet.
import { render } from 'preact';
import { ProgramYear } from './ProgramYear';

render(<ProgramYear />, document.getElementById('app') as HTMLElement);
