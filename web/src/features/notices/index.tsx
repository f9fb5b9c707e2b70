import type { Feature } from '../types';
import { ManageNoticesPage } from './ManageNoticesPage';
import { NoticeEditor } from './NoticeEditor';
import { NoticePage } from './NoticePage';
import { PublicNoticesPage } from './PublicNoticesPage';
import './notices.css';

// Gate notices (issue 8): the public list for everyone, the authority's management pages.
// (/notices is the user's in-app notifications, owned by plans.)
export const noticesFeature: Feature = {
  routes: [
    { path: '/gate-notices', element: <PublicNoticesPage /> },
    { path: '/gate-notices/manage', element: <ManageNoticesPage /> },
    { path: '/gate-notices/manage/new', element: <NoticeEditor /> },
    { path: '/gate-notices/manage/:id', element: <NoticeEditor /> },
    { path: '/gate-notices/:id', element: <NoticePage /> },
  ],
  nav: [
    { to: '/gate-notices', labelKey: 'gateNotices.nav.public', visible: () => true },
    { to: '/gate-notices/manage', labelKey: 'gateNotices.nav.manage', visible: (me) => !!me?.permissions.includes('notices:write') },
  ],
};
