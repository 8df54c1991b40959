/**
 * The public web portal (server-rendered, Japanese first). Adapters import only this file.
 */
export { mountPortal, portalError, portalNotFound, wantsHtml } from './mount-portal.ts';
export { Layout } from './components/layout.tsx';
export {
  type Page,
  type PageHandler,
  type PageRequest,
  page,
  sendPage,
  uiFor,
} from './http/page.ts';
export { securityHeaders } from './http/security-headers.ts';
export { type Lang, makeUi, type Ui } from './i18n/ui.ts';
