// HTML escaping for email bodies. Every applicant value (and every template text) goes through
// escapeHtml before it becomes markup; links are only ever https URLs we made into <a> ourselves.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return String(s).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** An https link, or '' for anything else (javascript:, data:, http:, text). */
export function safeHttpsUrl(url: string): string {
  const u = String(url || '').trim();
  return /^https:\/\/[^\s<>"']+$/i.test(u) ? u : '';
}

export function linkHtml(url: string, label?: string): string {
  const safe = safeHttpsUrl(url);
  if (!safe) return escapeHtml(label ?? url);
  return `<a href="${escapeHtml(safe)}">${escapeHtml(label ?? safe)}</a>`;
}
