// Environment for running n8n-core in-process: isolated, quiet, no settings file checks.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const userFolder = join(__dirname, '..', '.test-tmp', 'n8n-user-folder');
mkdirSync(userFolder, { recursive: true });

process.env.N8N_USER_FOLDER = userFolder;
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL ?? 'silent';
process.env.N8N_RUNNERS_ENABLED = 'false';
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
process.env.N8N_SSRF_PROTECTION_ENABLED = 'false';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
