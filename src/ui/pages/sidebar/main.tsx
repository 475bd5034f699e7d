// The review sidebar (menu "Review applications"): quick work in 300 px, with a link to the
// review window for long sessions.
import { render } from 'preact';
import { Sidebar } from './Sidebar';

render(<Sidebar />, document.getElementById('app') as HTMLElement);
