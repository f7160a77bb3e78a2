/** Workflows for `n8n import:workflow`, and reading what `n8n execute --rawOutput` prints. */
export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

export interface WorkflowJson {
	id: string;
	name: string;
	active: boolean;
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }>;
	settings: Record<string, unknown>;
	pinData: Record<string, unknown>;
}

/**
 * A workflow for `n8n import:workflow` (write `[workflow]` to a file). The nodes after the Manual Trigger are
 * chained in order. Ids: 1-21 characters (n8n itself generates 16 alphanumerics); `execute --id=<id>` finds it.
 */
export function chainWorkflow(id: string, name: string, nodes: Array<Omit<WorkflowNode, 'position' | 'id'> & { id?: string }>): WorkflowJson {
	const all: WorkflowNode[] = [
		{ id: 'trigger', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		...nodes.map((n, i) => ({ ...n, id: n.id ?? `node${i + 1}`, position: [(i + 1) * 220, 0] as [number, number] })),
	];
	const connections: WorkflowJson['connections'] = {};
	for (let i = 0; i + 1 < all.length; i++) {
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, active: false, nodes: all, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

export interface ExecutionItem {
	json: Record<string, unknown>;
}

export interface ExecutionResult {
	status?: string;
	finished?: boolean;
	mode?: string;
	data: {
		resultData: {
			runData: Record<
				string,
				Array<{ executionStatus?: string; error?: unknown; data?: { main?: Array<ExecutionItem[] | null> } }>
			>;
			error?: { message?: string; description?: string; name?: string } & Record<string, unknown>;
			lastNodeExecuted?: string;
		};
	};
}

/**
 * The execution JSON that `n8n execute --rawOutput` prints. n8n's own log lines (task broker, license SDK,
 * warnings) go to the same stdout before it, so this takes the first line that is exactly `{` through the
 * last line that is exactly `}`. On a failed execution n8n logs the same JSON (via its logger) too.
 */
export function parseExecutionOutput(stdout: string): ExecutionResult {
	const lines = stdout.split('\n');
	const start = lines.findIndex((l) => l.trimEnd() === '{');
	let end = -1;
	for (let i = lines.length - 1; i > start; i--) {
		if (lines[i].trimEnd() === '}') {
			end = i;
			break;
		}
	}
	if (start < 0 || end < 0) throw new Error(`no execution JSON in n8n output:\n${stdout.slice(-2000)}`);
	return JSON.parse(lines.slice(start, end + 1).join('\n')) as ExecutionResult;
}

/** the items a node emitted on its first output in its last run */
export function nodeOutput(result: ExecutionResult, nodeName: string): Array<Record<string, unknown>> {
	const runs = result.data.resultData.runData[nodeName];
	if (!runs || runs.length === 0) throw new Error(`node "${nodeName}" did not run`);
	const items = runs[runs.length - 1].data?.main?.[0] ?? [];
	return items.map((i) => i.json);
}
