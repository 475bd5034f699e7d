// The review window (menu "Review applications (large window)"): a modeless dialog as large as
// the screen allows, with the applications as a table beside the detail of the selected one.
import { render } from 'preact';
import { fitDialogToScreen } from '../../host';
import { ReviewWindow } from './ReviewWindow';

fitDialogToScreen();
render(<ReviewWindow />, document.getElementById('app') as HTMLElement);
