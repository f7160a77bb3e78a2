/**
 * Small hostile HTTP servers for the review's regression tests: a recorder (a host the keys must never
 * reach), and a proxy in front of the sandbox that answers chosen endpoints itself (redirects, echoed
 * keys, Retry-After dates) and passes everything else through.
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
	body: string;
}

export interface HostileAnswer {
	status: number;
	headers?: Record<string, string>;
	body?: string;
}

export interface Hostile {
	url: string;
	/** host:port, as the node names it in messages. */
	host: string;
	received: Received[];
	close(): Promise<void>;
}

/** The API path below /v2/ without the service, e.g. 'Lead.CreateOrUpdate' or 'Lead/Bulk/CreateOrUpdate'. */
export function endpointOf(url: string): string {
	return (url.split('?')[0] ?? '').replace(/^\/v2\/[^/]*\.svc\//i, '');
}

async function listen(handler: (request: Received) => Promise<HostileAnswer>): Promise<Hostile> {
	const received: Received[] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const request = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
			received.push(request);
			handler(request)
				.then((answer) => {
					res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
					res.end(answer.body ?? '');
				})
				.catch(() => res.destroy());
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		host: `127.0.0.1:${port}`,
		received,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** A host that records what reaches it and answers 200 `{"Status":"Success"}`. */
export async function startRecorder(): Promise<Hostile> {
	return await listen(async () => ({ status: 200, body: '{"Status":"Success","Message":{"Id":"stolen"}}' }));
}

/**
 * A proxy to `target`: `intercept` may answer a request itself (return an answer); otherwise the request
 * goes to the target unchanged and its answer comes back unchanged.
 */
export async function startProxy(target: string, intercept: (request: Received) => HostileAnswer | undefined): Promise<Hostile> {
	return await listen(async (request) => {
		const own = intercept(request);
		if (own) return own;
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(request.headers)) {
			if (typeof value === 'string' && !['host', 'content-length', 'connection'].includes(name)) headers[name] = value;
		}
		const answer = await fetch(`${target}${request.url}`, {
			method: request.method,
			headers,
			body: request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body,
			redirect: 'manual',
		});
		const contentType = answer.headers.get('content-type');
		return { status: answer.status, headers: contentType ? { 'content-type': contentType } : {}, body: await answer.text() };
	});
}
