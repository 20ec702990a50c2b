import { createApi } from '../http.js';
import { accountRoutes } from './account-routes.js';
import { adminRoutes } from './admin-routes.js';
import { authRoutes } from './auth-routes.js';
import type { PeopleDeps } from './schemas.js';

export type { PeopleDeps } from './schemas.js';

/** /api/auth (login, logout, me, register, the account's own data and its deletion) and /api/admin (users, roles, audit log). */
export function peopleRoutes(deps: PeopleDeps) {
  const api = createApi();
  authRoutes(api, deps);
  accountRoutes(api, deps);
  adminRoutes(api, deps);
  return api;
}
