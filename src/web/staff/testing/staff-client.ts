import type { Hono } from 'hono';

/** An answer as a browser sees it. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The Location header of a redirect, as a path. */
  location: string | undefined;
}

/** The value of the first hidden `csrf_token` field of a page ('' when there is none). */
export function csrfOf(html: string): string {
  return /name="csrf_token" value="([^"]*)"/.exec(html)?.[1] ?? '';
}

/**
 * A minimal in-process browser for the staff pages: keeps cookies like a browser (per name,
 * deleted when expired), sends forms urlencoded or as multipart, and sends the Origin header a
 * browser sends with a form (`http://localhost`, the origin of `app.request`) unless told otherwise.
 */
export class StaffClient {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: Hono,
    private readonly origin: string | null = 'http://localhost',
  ) {}

  async get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
    return this.send(path, { method: 'GET', headers: { accept: 'text/html', ...headers } });
  }

  /** Posts a form: a plain object is sent urlencoded, FormData as multipart. */
  async post(
    path: string,
    form: Record<string, string | string[]> | FormData,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    let body: string | FormData;
    const h: Record<string, string> = { accept: 'text/html', ...headers };
    if (form instanceof FormData) body = form;
    else {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(form))
        for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
      body = params.toString();
      h['content-type'] = 'application/x-www-form-urlencoded';
    }
    if (this.origin !== null && !('origin' in h)) h.origin = this.origin;
    return this.send(path, { method: 'POST', headers: h, body });
  }

  /** Gets a page with a form, then posts the form with that page's CSRF token added. */
  async submit(
    formPage: string,
    action: string,
    form: Record<string, string | string[]>,
  ): Promise<Answer> {
    const page = await this.get(formPage);
    return this.post(action, { csrf_token: csrfOf(page.text), ...form });
  }

  /** Logs in through the login form; returns the answer to the POST. */
  async login(name: string, password: string): Promise<Answer> {
    return this.submit('/user/login', '/user/login', { name, password });
  }

  private async send(path: string, init: RequestInit & { headers: Record<string, string> }) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (cookie !== '') init.headers.cookie = cookie;
    const res = await this.app.request(path, init);
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some(
        (a) => /max-age=0/i.test(a.trim()) || /expires=thu, 01 jan 1970/i.test(a.trim()),
      );
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const location = res.headers.get('location') ?? undefined;
    return { status: res.status, headers: res.headers, text: await res.text(), location };
  }
}
