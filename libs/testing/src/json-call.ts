/** One HTTP call to a service under test, as the specs read it: status, ETag and the parsed JSON body. */
export async function jsonCall(baseUrl: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read arbitrary response shapes
  return { status: response.status, etag: response.headers.get('etag'), body: (text ? JSON.parse(text) : undefined) as any };
}
