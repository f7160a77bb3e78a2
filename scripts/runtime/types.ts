/** Types shared by the runtime modules and their users (scripts/, test/e2e/). */

export type RuntimeLine = '2.x' | '1.x';

export interface N8nRuntime {
	version: string;
	line: RuntimeLine;
	/** absolute path of the node binary n8n runs with (Node 24 for 2.x, the machine's Node 20 for 1.x) */
	nodeBinary: string;
	/** absolute path of node_modules/n8n/bin/n8n */
	n8nBin: string;
	/** the runtime folder (.runtime/n8n-<version>) */
	dir: string;
	/** `process.version` style version of nodeBinary */
	nodeVersion: string;
	/** env for running n8n headless and isolated in `userFolder` (n8n keeps its data in `<userFolder>/.n8n`) */
	env(userFolder: string): NodeJS.ProcessEnv;
}

export interface RunResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	timedOut: boolean;
	durationMs: number;
}

export interface RunningN8n {
	url: string;
	port: number;
	pid: number;
	stop(): Promise<void>;
	output(): string;
}

export type Log = (line: string) => void;
