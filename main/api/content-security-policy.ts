/**
 * The renderer's Content-Security-Policy: nothing from outside the app, no
 * inline scripts, no eval. Inline styles are allowed because the QR is an
 * SVG string with presentation attributes and Vue binds style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "media-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
