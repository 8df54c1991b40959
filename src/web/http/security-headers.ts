/**
 * Security headers of every portal HTML page. Scripts come only from our own origin (no inline
 * script at all, so no nonce is needed); styles likewise, so markup never carries `style=`.
 * A configured tile server is the one foreign origin maps may load images from.
 */
export function securityHeaders(mapTileUrl: string | undefined) {
  const tiles = mapTileUrl ? ` ${new URL(mapTileUrl.replace(/[{}]/g, '')).origin}` : '';
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob:${tiles}`,
    `connect-src 'self'${tiles}`,
    // MapLibre starts its workers from our own module URL, or from a blob: wrapper of it.
    "worker-src 'self' blob:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'geolocation=(self), camera=(), microphone=()',
  };
}
