import type { Hono } from 'hono';
import { RateLimiter } from '../../core/rate-limiter.ts';
import type { Platform } from '../../platform/index.ts';
import { loginGet, loginPost } from './login.tsx';
import { logoutPost } from './logout.ts';
import { passwordGet, passwordPost } from './password.tsx';
import { staffRoute } from './staff-route.ts';

/**
 * Adds the login routes: `/user/login` (GET form, POST), `/user/logout` (POST) and
 * `/user/password` (GET form, POST). One limiter per app counts login attempts and password
 * changes per client address and user name (`config.loginRateLimit` a minute).
 */
export function mountAuth(app: Hono, platform: Platform): void {
  const limiter = new RateLimiter(platform.config.loginRateLimit, 60_000);
  app.get('/user/login', loginGet(platform));
  app.post('/user/login', loginPost(platform, limiter));
  app.post('/user/logout', logoutPost(platform));
  app.get('/user/password', staffRoute(platform, passwordGet));
  app.post('/user/password', staffRoute(platform, passwordPost(limiter)));
}
