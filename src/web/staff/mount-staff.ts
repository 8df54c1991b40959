import type { Hono } from 'hono';
import type { Platform } from '../../platform/index.ts';
import { type StaffHandler, staffRoute } from '../auth/staff-route.ts';
import { dashboardPage } from './dashboard.tsx';
import { datasetCreate, datasetEditPage, datasetNewPage, datasetUpdate } from './dataset-form.tsx';
import { datasetManagePage, datasetVisibility } from './dataset-manage.tsx';
import { memberRemove, memberSave, membersGet } from './members.tsx';
import {
  evaluationSave,
  kpiValueSave,
  planEntryGet,
  planYearsPage,
  reportStep,
} from './plan-staff.tsx';
import {
  resourceCreate,
  resourceEditPage,
  resourceNewPage,
  resourceUpdate,
} from './resource-form.tsx';
import { fixedFileDownload, resourceStatusPage } from './resource-status.tsx';
import { tokenCreate, tokenRevoke, tokensGet } from './tokens.tsx';

/**
 * The staff area, all under `/staff` (logged-in users; every page calls actions as its user, and
 * every POST carries the session's CSRF token). See src/web/README.md for the list of pages.
 */
export function mountStaff(app: Hono, platform: Platform): void {
  const s = (handler: StaffHandler) => staffRoute(platform, handler);
  app.get('/staff', s(dashboardPage));
  app.get('/staff/dataset/new', s(datasetNewPage));
  app.post('/staff/dataset/new', s(datasetCreate));
  app.get('/staff/dataset/:id', s(datasetManagePage));
  app.get('/staff/dataset/:id/edit', s(datasetEditPage));
  app.post('/staff/dataset/:id/edit', s(datasetUpdate));
  app.post('/staff/dataset/:id/visibility', s(datasetVisibility));
  app.get('/staff/dataset/:id/resource/new', s(resourceNewPage));
  app.post('/staff/dataset/:id/resource/new', s(resourceCreate));
  app.get('/staff/resource/:id', s(resourceStatusPage));
  app.get('/staff/resource/:id/edit', s(resourceEditPage));
  app.post('/staff/resource/:id/edit', s(resourceUpdate));
  app.get('/staff/resource/:id/fixed.csv', s(fixedFileDownload));
  app.get('/staff/organization/:id/members', s(membersGet));
  app.post('/staff/organization/:id/members', s(memberSave));
  app.post('/staff/organization/:id/members/remove', s(memberRemove));
  app.get('/staff/tokens', s(tokensGet));
  app.post('/staff/tokens', s(tokenCreate));
  app.post('/staff/tokens/revoke', s(tokenRevoke));
  app.get('/staff/plan', s(planYearsPage));
  app.get('/staff/plan/:year', s(planEntryGet));
  app.post('/staff/plan/:year/kpi', s(kpiValueSave));
  app.post('/staff/plan/:year/evaluation', s(evaluationSave));
  app.post('/staff/plan/:year/step', s(reportStep));
}
