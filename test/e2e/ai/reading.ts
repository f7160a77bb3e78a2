/**
 * Reading an agents run for the assertions: each scenario's window in the sandbox log (between its first and
 * last model request: every tool call falls inside), the tool results the model received, the writes, and the
 * record of what the model saw of the tools (tools-seen.json).
 */
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

import type { RequestLogEntry } from '../../../sandbox';
import { readConversation } from './model-server';
import type { ToolResult, ToolSpec } from './model-server';
import type { AgentRun } from './run';
import { agentArtifacts } from './run';
import type { ScenarioId } from './scenarios';

/** The endpoints that change something in the account (case matters: `Leads.GetByEmailaddress` is a read). */
const WRITE = /Create|Update|Add|Delete|Capture|MarkComplete|Cancel|Remove|Change|Send/;

export function isWrite(entry: RequestLogEntry): boolean {
	return entry.endpoint !== null && WRITE.test(entry.endpoint);
}

/** The sandbox requests made while the scenario ran. */
export function windowOf(run: AgentRun, id: ScenarioId): RequestLogEntry[] {
	const requests = run.model.requestsOf(id);
	if (requests.length === 0) return [];
	const from = requests[0].at;
	const to = requests[requests.length - 1].at;
	return run.sandbox.log.filter((entry) => entry.at >= from && entry.at <= to);
}

/** Writes LeadSquared accepted (HTTP 200, not rate limited) during the scenario, by endpoint. */
export function acceptedWrites(run: AgentRun, id: ScenarioId): RequestLogEntry[] {
	return windowOf(run, id).filter((entry) => isWrite(entry) && entry.status === 200 && !entry.rateLimited);
}

/** Every tool result the model received in the scenario (from its last request, which holds the whole conversation). */
export function toolResults(run: AgentRun, id: ScenarioId): ToolResult[] {
	const requests = run.model.requestsOf(id).filter((request) => request.body);
	const last = requests[requests.length - 1];
	return last?.body ? readConversation(id, last.body).results : [];
}

/** The scenario's final answer (the script's last reply), or undefined when it never got there. */
export function finalAnswer(run: AgentRun, id: ScenarioId): string | undefined {
	const requests = run.model.requestsOf(id);
	const reply = requests[requests.length - 1]?.reply;
	return reply && 'text' in reply ? reply.text : undefined;
}

/** A stored UTC 'yyyy-MM-dd HH:mm:ss' as an ISO instant. */
export function utcInstant(stored: string): string {
	return new Date(`${stored.replace(' ', 'T')}Z`).toISOString();
}

/** A local 'yyyy-MM-dd HH:mm' in Asia/Kolkata (+05:30, no daylight saving) as an ISO instant. */
export function kolkataInstant(local: string): string {
	return new Date(`${local.replace(' ', 'T')}:00+05:30`).toISOString();
}

/** The tools the model was offered on the scenario's first request. */
export function toolsOffered(run: AgentRun, id: ScenarioId): ToolSpec[] {
	const first = run.model.requestsOf(id).find((request) => request.body);
	return (first?.body?.tools ?? []).map((tool) => tool.function);
}

/**
 * Writes what the model saw of the lookup scenario's three tools (names, descriptions, parameter schemas) to
 * .test-tmp/e2e/agents/tools-seen.json (2.x) or .test-tmp/e2e/agents/<line>/tools-seen.json, and returns it.
 */
export async function recordToolsSeen(run: AgentRun): Promise<{ file: string; seen: Record<string, unknown> }> {
	const seen = { n8n: run.runtime.version, line: run.line, scenario: 'lookup', tools: toolsOffered(run, 'lookup') };
	const file = path.join(run.line === '2.x' ? agentArtifacts() : run.artifacts, 'tools-seen.json');
	await fsp.mkdir(path.dirname(file), { recursive: true });
	await fsp.writeFile(file, `${JSON.stringify(seen, null, '\t')}\n`);
	return { file, seen };
}
