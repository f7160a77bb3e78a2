/** The N8nRuntime handle: paths, node binary, and the isolated env n8n runs with. */
import * as path from 'node:path';

import type { LineSpec } from './lines';
import type { ResolvedNode } from './node';
import { cleanBaseEnv, prependPath } from './proc';
import type { N8nRuntime, RuntimeLine } from './types';

export function makeRuntime(line: RuntimeLine, spec: LineSpec, dir: string, node: ResolvedNode): N8nRuntime {
	const n8nBin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	return {
		version: spec.version,
		line,
		nodeBinary: node.binary,
		nodeVersion: node.version,
		n8nBin,
		dir,
		env(userFolder: string): NodeJS.ProcessEnv {
			const env: NodeJS.ProcessEnv = {
				...cleanBaseEnv(),
				PATH: prependPath(path.dirname(node.binary), process.env.PATH),
				// n8n keeps config, encryption key, sqlite DB and nodes/ in <userFolder>/.n8n; HOME too so that
				// nothing n8n or a library writes ends up in the real home directory
				N8N_USER_FOLDER: userFolder,
				HOME: userFolder,
				NODE_ENV: 'production',
				TZ: 'UTC',
				GENERIC_TIMEZONE: 'UTC',
				NO_COLOR: '1',
				FORCE_COLOR: '0',
				DB_TYPE: 'sqlite',
				N8N_LOG_LEVEL: 'info',
				N8N_LOG_OUTPUT: 'console',
				N8N_DIAGNOSTICS_ENABLED: 'false',
				N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
				N8N_TEMPLATES_ENABLED: 'false',
				N8N_PERSONALIZATION_ENABLED: 'false',
				N8N_HIRING_BANNER_ENABLED: 'false',
				N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
				N8N_SECURE_COOKIE: 'false',
				N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
				N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
				N8N_REINSTALL_MISSING_PACKAGES: 'false',
				N8N_GIT_NODE_DISABLE_BARE_REPOS: 'true',
				N8N_LISTEN_ADDRESS: '127.0.0.1',
				N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
				EXECUTIONS_DATA_PRUNE: 'false',
			};
			for (const [key, value] of Object.entries(spec.env)) {
				if (value === null) delete env[key];
				else env[key] = value;
			}
			const engine = process.env.N8N_RUNTIME_EXPRESSION_ENGINE;
			if (engine) {
				if (!['vm', 'legacy', 'quickjs'].includes(engine)) throw new Error(`N8N_RUNTIME_EXPRESSION_ENGINE=${engine}: expected vm, legacy or quickjs`);
				if (line === '1.x' && engine === 'vm') throw new Error('the vm expression engine needs Node >= 22; the 1.x runtime runs on Node 20');
				env.N8N_EXPRESSION_ENGINE = engine;
			}
			return env;
		},
	};
}
