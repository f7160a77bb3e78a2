/** A call to n8n's REST API (the editor's own API), keeping the session cookie and tolerating HTML answers. */
export async function n8nRest(
	url: string,
	method: string,
	body?: unknown,
	cookie?: string,
): Promise<{ status: number; cookie?: string; json: unknown }> {
	const response = await fetch(url, {
		method,
		headers: { 'content-type': 'application/json', 'browser-id': 'n8n-nodes-leadsquared', ...(cookie ? { cookie } : {}) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	let json: unknown = text;
	try {
		json = JSON.parse(text);
	} catch {
		// an HTML page (the editor) or plain text: keep the text
	}
	return { status: response.status, cookie: response.headers.get('set-cookie')?.split(';')[0], json };
}
