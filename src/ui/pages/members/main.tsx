// The members page in the sidebar (menu "Members and attendance").
import { render } from 'preact';
import { MembersView } from '../../members/MembersView';

render(<MembersView layout="sidebar" />, document.getElementById('app') as HTMLElement);
