// The calls the pages make: only the hub's documented API (docs/api.md).

/** A JSON POST; answers {status, body} (body null when the answer is not JSON). */
export async function postJson(path, value, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(value) });
  return { status: response.status, body: await response.json().catch(() => null) };
}

/** A GET with the session token (downloads carry it in the Authorization header, never in the address). */
export function getWithToken(path, token) {
  return fetch(path, { headers: { Authorization: `Bearer ${token}` } });
}
