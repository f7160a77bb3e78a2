/**
 * One `n8n start` for a part of the bench: started on its own ports in a user folder that has the package,
 * the owner set up through n8n's REST API, and the REST calls the polling bench makes (activation, the
 * executions of a workflow and their trigger output), plus the process's memory from /proc.
 */
import { createRequire } from 'node:module';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

import { n8nRest } from '../e2e/rest';
import { sleep, startN8n } from '../runtime';
import type { N8nRuntime, RunningN8n } from '../runtime';

const OWNER = { email: 'bench@example.com', firstName: 'Bench', lastName: 'Runner', password: 'Bench-Polling-Pass-1' };
const STATUSES = ['canceled', 'crashed', 'error', 'new', 'running', 'success', 'unknown', 'waiting'];

export interface Memory {
	/** Resident set size now, MB. */
	rssMb: number;
	/** The process's RSS high-water mark (VmHWM), MB. */
	peakMb: number;
}

export interface FinishedExecution {
	id: string;
	status: string;
	startedAt: number;
	stoppedAt: number;
}

export interface N8nSession {
	n8n: RunningN8n;
	memory(): Promise<Memory>;
	activate(workflowId: string): Promise<void>;
	deactivate(workflowId: string): Promise<void>;
	/** Waits for the workflow's first execution to finish. */
	finished(workflowId: string, timeoutMs: number): Promise<FinishedExecution>;
	/** The json of the items a node of an execution output. */
	output(executionId: string, node: string): Promise<Array<Record<string, unknown>>>;
	stop(): Promise<void>;
}

/** VmRSS and VmHWM of a Linux process, MB. */
async function memoryOf(pid: number): Promise<Memory> {
	const status = await fsp.readFile(`/proc/${pid}/status`, 'utf8');
	const kb = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
	return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

export async function startSession(runtime: N8nRuntime, userFolder: string): Promise<N8nSession> {
	const n8n = await startN8n(runtime, userFolder);
	try {
		// the owner is set up by the first session in a user folder; later ones log in
		let session = await n8nRest(`${n8n.url}/rest/owner/setup`, 'POST', OWNER);
		if (session.status === 400) session = await n8nRest(`${n8n.url}/rest/login`, 'POST', { emailOrLdapLoginId: OWNER.email, email: OWNER.email, password: OWNER.password });
		if (session.status !== 200 || !session.cookie) throw new Error(`owner setup or login answered ${session.status}: ${JSON.stringify(session.json).slice(0, 500)}`);
		const cookie = session.cookie;
		const rest = async (method: string, route: string, body?: unknown): Promise<unknown> => {
			const answer = await n8nRest(`${n8n.url}/rest/${route}`, method, body, cookie).catch((error: unknown) => {
				throw new Error(`${method} /rest/${route} failed (${String(error)}); n8n said:\n${n8n.output().slice(-3000)}`);
			});
			if (answer.status !== 200) throw new Error(`${method} /rest/${route} answered ${answer.status}: ${JSON.stringify(answer.json).slice(0, 1000)}`);
			return (answer.json as { data: unknown }).data;
		};
		const flatted = createRequire(path.join(runtime.dir, 'node_modules', 'n8n', 'package.json'))('flatted') as { parse(text: string): unknown };
		return {
			n8n,
			memory: async () => await memoryOf(n8n.pid),
			async activate(workflowId) {
				const current = (await rest('GET', `workflows/${workflowId}`)) as { versionId: string };
				await rest('POST', `workflows/${workflowId}/activate`, { versionId: current.versionId });
			},
			async deactivate(workflowId) {
				await rest('POST', `workflows/${workflowId}/deactivate`, {});
			},
			async finished(workflowId, timeoutMs) {
				const filter = encodeURIComponent(JSON.stringify({ workflowId, status: STATUSES }));
				const deadline = Date.now() + timeoutMs;
				for (;;) {
					const list = (await rest('GET', `executions?filter=${filter}&limit=10`)) as { results: Array<{ id: string; status: string; startedAt: string; stoppedAt?: string }> };
					const done = list.results.find((entry) => !['new', 'running', 'waiting'].includes(entry.status) && entry.stoppedAt);
					if (done) return { id: String(done.id), status: done.status, startedAt: Date.parse(done.startedAt), stoppedAt: Date.parse(String(done.stoppedAt)) };
					if (Date.now() > deadline) throw new Error(`no finished execution of ${workflowId} within ${timeoutMs / 1000} s:\n${n8n.output().slice(-3000)}`);
					await sleep(500);
				}
			},
			async output(executionId, node) {
				const data = (await rest('GET', `executions/${executionId}`)) as { data: string };
				const run = flatted.parse(data.data) as { resultData: { runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>> } };
				return (run.resultData.runData[node]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);
			},
			stop: async () => await n8n.stop(),
		};
	} catch (error) {
		await n8n.stop();
		throw error;
	}
}
