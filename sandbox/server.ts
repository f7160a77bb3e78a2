/**
 * The HTTP server: request pipeline (log → fault → route/auth/region/rate gate → handler →
 * fault answer → latency → send) and the Sandbox control object.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { CrmState } from './crm';
import { touchesCrmConfig } from './crm-options';
import { configureCrmExtra, createCrmExtraState, CrmExtraControls, resetCrmExtra, seedCrmExtra } from './crm-extra-state';
import type { ActivitySeed, SandboxRecords } from './crm-types';
import { SandboxEvents } from './events';
import { faultAnswer, faultProcesses, FaultQueue } from './faults';
import { FieldRegistry } from './fields';
import {
	extractCredentials,
	flattenHeaders,
	jsonAnswer,
	parseQuery,
	readBody,
	tryParseJson,
	type Answer,
	type Credentials,
} from './http';
import { LeadStore } from './leads';
import { ListStore, type ListContext } from './lists';
import { accessRefusal, notFound, safeDecode } from './gate';
import { mergeOptions, resolveOptions, type ResolvedOptions } from './options';
import { RateLimiter, rateLimitEnvelope, windowSeconds } from './rate-limit';
import { salesActivityTypes } from './sales';
import { matchRoute, postUpdatedLeadFlag, type Route, type SandboxState } from './routes';
import type { SandboxListener } from './events';
import type { AutomationLogEntry, Fault, LeadRecord, RequestLogEntry, Sandbox, SandboxList, SandboxOptions } from './types';
import { SANDBOX_USER_ID } from './user';
import { WebhookService } from './webhook-service';
import type { LandingPageSubmission, SandboxWebhook, WebhookDelivery, WebhookStatusCode } from './webhook-types';

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const sandbox = new SandboxServer(resolveOptions(options));
	await sandbox.listen();
	return sandbox;
}

class SandboxServer extends CrmExtraControls implements Sandbox {
	readonly log: RequestLogEntry[] = [];
	private readonly state: SandboxState;
	private readonly faults = new FaultQueue();
	private readonly limiter: RateLimiter;
	private readonly bulkLimiter: RateLimiter;
	private readonly server: Server;
	private readonly sockets = new Set<Socket>();
	private readonly timers = new Set<NodeJS.Timeout>();
	private seq = 0;
	/** Requests received and not yet answered (or dropped). */
	private active = 0;
	private boundPort = 0;
	private closing: Promise<void> | undefined;

	constructor(options: ResolvedOptions) {
		super();
		this.state = {
			options,
			fields: new FieldRegistry(options.fields, options.mandatoryFields),
			store: new LeadStore(),
			automation: [],
			events: new SandboxEvents(),
			lists: new ListStore(),
			crm: new CrmState(options, salesActivityTypes(options.salesActivity)),
			webhooks: new WebhookService(() => this.state),
			...createCrmExtraState(options, () => this.state.options),
		};
		this.state.crm.attach(this.state.events);
		this.state.webhooks.attach(this.state.events);
		this.state.store.seed(options.leads, this.state.fields, Date.now());
		this.state.lists.seed(options.lists, options.systemLists, this.listContext());
		seedCrmExtra(this.state, options, this.state.crm, Date.now());
		this.limiter = new RateLimiter(options.rateLimit);
		this.bulkLimiter = new RateLimiter(options.bulkRateLimit);
		this.server = createServer((req, res) => {
			this.handle(req, res).catch((error: unknown) => this.crash(res, error));
		});
		this.server.on('connection', (socket: Socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		this.server.on('clientError', (_error, socket: Socket) => socket.destroy());
	}

	listen(): Promise<void> {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(this.state.options.port, '127.0.0.1', () => {
				this.server.off('error', reject);
				const address = this.server.address();
				this.boundPort = typeof address === 'object' && address !== null ? address.port : 0;
				resolve();
			});
		});
	}

	// ---------- Sandbox API ----------

	get url(): string {
		return `http://127.0.0.1:${this.boundPort}`;
	}

	get port(): number {
		return this.boundPort;
	}

	get accessKey(): string {
		return this.state.options.accessKey;
	}

	get secretKey(): string {
		return this.state.options.secretKey;
	}

	leads(): LeadRecord[] {
		return this.state.store.snapshot();
	}

	findLeads(predicate: (lead: LeadRecord) => boolean): LeadRecord[] {
		return this.state.store.snapshot().filter((lead) => predicate(lead));
	}

	automationLog(): AutomationLogEntry[] {
		return this.state.automation.map((a) => ({ ...a }));
	}

	lists(): SandboxList[] {
		return this.state.lists.snapshot(this.listContext());
	}

	onEvent(listener: SandboxListener): () => void {
		return this.state.events.on(listener);
	}

	records(): SandboxRecords {
		return this.state.crm.snapshot();
	}

	seed(records: { leads?: Array<Record<string, string>>; activities?: ActivitySeed[] }): void {
		const now = Date.now();
		if (records.leads) this.state.store.seed(records.leads, this.state.fields, now);
		if (records.activities) this.state.crm.seedActivities(records.activities, now);
	}

	completeTask(taskId: string): boolean {
		return this.state.crm.completeTask(taskId, this.state.events, Date.now(), SANDBOX_USER_ID) !== undefined;
	}

	// ---------- webhooks (see webhook-service.ts) ----------

	webhooks(): SandboxWebhook[] { return this.state.webhooks.webhooks(); }
	setWebhookStatus(id: string, code: WebhookStatusCode): boolean { return this.state.webhooks.setWebhookStatus(id, code); }
	deliveries(): WebhookDelivery[] { return this.state.webhooks.deliveries(); }
	deliveriesSettled(): Promise<void> { return this.state.webhooks.deliveriesSettled(); }
	submitLandingPage(submission: LandingPageSubmission): void { this.state.webhooks.submitLandingPage(submission); }
	remindTask(taskId: string): boolean { return this.state.webhooks.remindTask(taskId); }

	/** Accounts, sales activities, e-mails and queued deletions: the control methods are in CrmExtraControls. */
	protected crmExtra(): { state: SandboxState; crm: CrmState } { return { state: this.state, crm: this.state.crm }; }

	private listContext(): ListContext {
		const { store, fields, options } = this.state;
		return { store, fields, settings: options };
	}

	configure(partial: Partial<SandboxOptions>): void {
		const options = mergeOptions(this.state.options, partial);
		this.state.options = options;
		if ('fields' in partial || 'mandatoryFields' in partial) {
			this.state.fields = new FieldRegistry(options.fields, options.mandatoryFields);
		}
		if ('rateLimit' in partial) this.limiter.configure(options.rateLimit);
		if ('bulkRateLimit' in partial) this.bulkLimiter.configure(options.bulkRateLimit);
		if (touchesCrmConfig(partial) || 'salesActivity' in partial) this.state.crm.configure(options, salesActivityTypes(options.salesActivity));
		configureCrmExtra(this.state, options, partial, Date.now());
	}

	reset(options: { keepLeads?: boolean } = {}): void {
		if (!options.keepLeads) {
			this.state.store.clear();
			this.state.store.seed(this.state.options.leads, this.state.fields, Date.now());
			this.state.lists.clear();
			this.state.crm.clearRecords();
			this.state.lists.seed(this.state.options.lists, this.state.options.systemLists, this.listContext());
		}
		resetCrmExtra(this.state, this.state.options, this.state.crm, options.keepLeads === true, Date.now());
		this.log.length = 0;
		this.seq = 0;
		this.state.automation.length = 0;
		this.state.webhooks.reset();
		this.faults.clear();
		this.limiter.reset();
		this.bulkLimiter.reset();
	}

	injectFault(fault: Fault): void {
		this.faults.add(fault);
	}

	clearFaults(): void {
		this.faults.clear();
	}

	close(): Promise<void> {
		this.closing ??= new Promise<void>((resolve) => {
			for (const timer of this.timers) clearTimeout(timer);
			this.timers.clear();
			this.state.webhooks.close();
			this.state.queue.close();
			this.server.close(() => resolve());
			this.server.closeAllConnections();
			for (const socket of this.sockets) socket.destroy();
		});
		return this.closing;
	}

	// ---------- request pipeline ----------

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const inFlight = this.active++;
		try {
			await this.respond(req, res, inFlight);
		} finally {
			this.active--;
		}
	}

	private async respond(req: IncomingMessage, res: ServerResponse, inFlight: number): Promise<void> {
		res.on('error', () => undefined);
		const now = Date.now();
		const method = (req.method ?? 'GET').toUpperCase();
		const rawUrl = req.url ?? '/';
		const q = rawUrl.indexOf('?');
		const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
		const query = parseQuery(q < 0 ? '' : rawUrl.slice(q + 1));
		const path = safeDecode(rawPath);
		const headers = flattenHeaders(req);
		const route = matchRoute(path);
		const credentials = extractCredentials(headers, query);
		const { options } = this.state;

		const entry: RequestLogEntry = {
			seq: ++this.seq,
			at: now,
			inFlight,
			method,
			rawUrl,
			path,
			endpoint: route?.name ?? null,
			query,
			headers,
			auth: credentials.source,
			authOk: credentials.accessKey === options.accessKey && credentials.secretKey === options.secretKey,
			rawBody: '',
			body: undefined,
			status: null,
			response: undefined,
		};
		if (route?.write) entry.postUpdatedLead = postUpdatedLeadFlag(query);
		this.pushLog(entry);

		// Faults are taken and calls counted at arrival, before the body is read. A fault on large pages only
		// (pageSizeAbove) is taken once the body is read, from a call that passed the gate and was counted: it
		// reached LeadSquared and failed inside.
		let fault = this.faults.take(entry.endpoint, path);
		const processes = !fault || fault.type === 'delay' || faultProcesses(fault);
		const gate = processes ? this.gate(route, method, credentials, entry, now) : undefined;

		entry.rawBody = await readBody(req);
		const parsed = tryParseJson(entry.rawBody);
		entry.body = parsed.ok ? parsed.value : undefined;
		if (!fault && parsed.ok && gate === undefined) fault = this.faults.take(entry.endpoint, path, { value: parsed.value });
		if (fault) entry.fault = fault.type;

		const process = (): Answer => {
			if (gate) return gate;
			if (!route) return notFound();
			return route.handle({
				state: this.state,
				endpoint: route.name,
				query,
				headers,
				rawBody: entry.rawBody,
				body: entry.body,
				bodyIsJson: parsed.ok,
				now,
			});
		};

		let answer: Answer | undefined;
		if (!fault) {
			answer = process();
		} else if (fault.type === 'reset') {
			if (fault.when === 'after') process();
			this.destroy(req, entry);
			return;
		} else if (fault.type === 'delay') {
			if (fault.when === 'after') answer = process();
			await this.sleep(fault.ms);
			if (this.closing) return;
			answer ??= process();
		} else {
			const normal = faultProcesses(fault) ? process() : undefined;
			const limit = (route?.bucket === 'bulk' ? this.bulkLimiter : this.limiter).settings;
			const calls = Number.isFinite(limit.calls) && limit.calls > 0 ? limit.calls : 25;
			answer = faultAnswer(fault, normal, { calls, seconds: windowSeconds(limit.windowMs), answer: limit.answer });
		}
		if (!answer) return;
		await this.sleep(this.state.options.latencyMs);
		this.send(req, res, entry, answer);
	}

	/** 404/405, authentication, region and rate limit; undefined = go on to the handler. */
	private gate(route: Route | undefined, method: string, credentials: Credentials, entry: RequestLogEntry, now: number): Answer | undefined {
		const { options } = this.state;
		const refused = accessRefusal(route, method, credentials, entry.authOk, options);
		if (refused || !route) return refused ?? notFound();
		const limiter = route.bucket === 'bulk' ? this.bulkLimiter : this.limiter;
		if (!limiter.take(options.accessKey, now)) {
			entry.rateLimited = true;
			const { calls, windowMs, answer } = limiter.settings;
			return jsonAnswer(answer, rateLimitEnvelope(calls, windowSeconds(windowMs)));
		}
		return undefined;
	}

	private send(req: IncomingMessage, res: ServerResponse, entry: RequestLogEntry, answer: Answer): void {
		if (this.closing || res.destroyed || req.socket.destroyed) {
			this.finish(entry);
			return;
		}
		const headers: Record<string, string | number> = { 'content-length': Buffer.byteLength(answer.body) };
		if (answer.contentType) headers['content-type'] = answer.contentType;
		res.writeHead(answer.status, headers);
		res.end(answer.body);
		entry.status = answer.status;
		const parsed = tryParseJson(answer.body);
		entry.response = parsed.ok ? parsed.value : answer.body;
		this.finish(entry);
	}

	private destroy(req: IncomingMessage, entry: RequestLogEntry): void {
		req.socket.destroy();
		this.finish(entry);
	}

	private finish(entry: RequestLogEntry): void {
		const hook = this.state.options.onRequest;
		if (!hook) return;
		try {
			hook(entry);
		} catch {
			// a failing observer must not break the server
		}
	}

	private crash(res: ServerResponse, error: unknown): void {
		if (this.closing || res.headersSent || res.destroyed) return;
		const message = error instanceof Error ? error.message : String(error);
		res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
		res.end(`Sandbox internal error: ${message}`);
	}

	private pushLog(entry: RequestLogEntry): void {
		this.log.push(entry);
		const max = this.state.options.maxLogEntries;
		if (this.log.length > max) this.log.splice(0, this.log.length - max);
	}

	/** Resolves after `ms`; never resolves once the server is closing (the request is abandoned). */
	private sleep(ms: number): Promise<void> {
		if (this.closing) return new Promise(() => undefined);
		if (!(ms > 0)) return Promise.resolve();
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				resolve();
			}, ms);
			this.timers.add(timer);
		});
	}
}
