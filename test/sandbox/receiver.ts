/**
 * A webhook receiver for the sandbox's webhook tests: a real HTTP server on 127.0.0.1 that records
 * every request and answers as the test says (default: 200 with LeadSquared's recommended
 * `{"Status":"Success","StatusReason":""}`).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';

export interface Received {
	method: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

export interface Reply {
	status: number;
	body?: string;
	/** Wait this long before answering (to make the sandbox time out). */
	delayMs?: number;
}

export type Responder = (request: Received, index: number) => Reply;

export const OK: Responder = () => ({ status: 200, body: '{"Status":"Success","StatusReason":""}' });

export class Receiver {
	readonly received: Received[] = [];
	respond: Responder = OK;
	private readonly sockets = new Set<Socket>();
	private readonly timers = new Set<NodeJS.Timeout>();

	private readonly server: Server;
	private address = '';

	private constructor() {
		this.server = createServer((req, res) => {
			void readAll(req).then((body) => {
				const request: Received = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
				const index = this.received.push(request) - 1;
				const reply = this.respond(request, index);
				const answer = (): void => {
					if (res.destroyed) return;
					res.writeHead(reply.status, { 'content-type': 'application/json' });
					res.end(req.method === 'HEAD' ? undefined : (reply.body ?? ''));
				};
				if (!reply.delayMs) return answer();
				const timer = setTimeout(() => {
					this.timers.delete(timer);
					answer();
				}, reply.delayMs);
				this.timers.add(timer);
			});
		});
		this.server.on('connection', (socket: Socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	static async start(): Promise<Receiver> {
		const receiver = new Receiver();
		await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
		const address = receiver.server.address();
		receiver.address = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
		return receiver;
	}

	/** 'http://127.0.0.1:<port>'. */
	get url(): string {
		return this.address;
	}

	/** The requests that were not HEAD requests, with their JSON bodies parsed. */
	posts(): Array<Received & { json: unknown }> {
		return this.received.filter((r) => r.method !== 'HEAD').map((r) => ({ ...r, json: parse(r.body) }));
	}

	clear(): void {
		this.received.length = 0;
		this.respond = OK;
	}

	close(): Promise<void> {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		return new Promise((resolve) => {
			this.server.close(() => resolve());
			for (const socket of this.sockets) socket.destroy();
		});
	}
}

function readAll(req: IncomingMessage): Promise<string> {
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', () => resolve(Buffer.concat(chunks).toString('utf8')));
	});
}

function parse(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}
