import * as fsp from 'node:fs/promises';

export default async function globalTeardown(): Promise<void> {
	if (process.env.E2E_PACK_DIR) await fsp.rm(process.env.E2E_PACK_DIR, { recursive: true, force: true });
}
