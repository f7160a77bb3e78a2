/**
 * A host that is not the credential's, for the e2e run: an HTTP server on 127.0.0.1 (another port than the
 * sandbox, so another origin) that records every request it gets. A workflow that points the HTTP Request
 * node with the LeadSquared credential at it must be refused before anything is sent: the tests assert it
 * received nothing (and so no key).
 */
import * as fsp from 'node:fs/promises';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';

export interface ForeignRequest {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
}

export interface ForeignHost {
	/** 'http://127.0.0.1:<port>' */
	url: string;
	requests: ForeignRequest[];
	close(): Promise<void>;
}

export async function startForeignHost(): Promise<ForeignHost> {
	const requests: ForeignRequest[] = [];
	const server = http.createServer((req, res) => {
		requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
		req.resume();
		res.writeHead(200, { 'Content-Type': 'application/json' }).end('[]');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** The placeholders workflow files may hold for addresses known only when the run starts. */
export const PLACEHOLDERS = { sandbox: '__LSQ_SANDBOX_URL__', foreign: '__FOREIGN_HOST_URL__' } as const;

/** Copies the workflow files into `to`, with the placeholders replaced. */
export async function writeWorkflows(from: string, to: string, values: { sandbox: string; foreign: string }): Promise<void> {
	await fsp.mkdir(to, { recursive: true });
	for (const name of (await fsp.readdir(from)).filter((file) => file.endsWith('.json'))) {
		const text = await fsp.readFile(path.join(from, name), 'utf8');
		await fsp.writeFile(path.join(to, name), text.split(PLACEHOLDERS.sandbox).join(values.sandbox).split(PLACEHOLDERS.foreign).join(values.foreign));
	}
}
