/**
 * PostgreSQL and Redis for n8n's queue mode, one private set per run: a role and database `lsq_e2e_<hex>` and a
 * Bull prefix of the same name, so runs on one machine (or one CI host) never meet, and all of it goes again in
 * `drop()`. Both services run on 127.0.0.1 with trust auth on these machines (../../../shared/n8n-queue-mode.md);
 * PGHOST, PGPORT, PGUSER, PGDATABASE (an existing database to connect to for the admin work) and REDIS_HOST /
 * REDIS_PORT move them.
 *
 * The clients are n8n's own `pg` and `ioredis`, loaded from the n8n runtime (.runtime/n8n-<version>), so the
 * project gains no dependency.
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import * as path from 'node:path';

import type { N8nRuntime } from '../runtime';

interface PgClient {
	connect(): Promise<void>;
	query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
	end(): Promise<void>;
}
type PgClientClass = new (config: Record<string, unknown>) => PgClient;

interface RedisClient {
	keys(pattern: string): Promise<string[]>;
	del(...keys: string[]): Promise<number>;
	quit(): Promise<unknown>;
	disconnect(): void;
}
type RedisClass = new (options: Record<string, unknown>) => RedisClient;

export interface QueueServices {
	/** Role, database and Bull prefix (the same name). */
	name: string;
	/** The env n8n needs for them (DB_*, QUEUE_BULL_*), without EXECUTIONS_MODE. */
	env: Record<string, string>;
	/** A query in the run's own database. */
	query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
	/** Drops the database and role and deletes the prefix's keys; safe to call twice. */
	drop(): Promise<void>;
}

function runtimeRequire(runtime: N8nRuntime): NodeJS.Require {
	return createRequire(path.join(runtime.dir, 'package.json'));
}

const pgHost = (): string => process.env.PGHOST ?? '127.0.0.1';
const pgPort = (): number => Number(process.env.PGPORT ?? 5432);
const redisHost = (): string => process.env.REDIS_HOST ?? '127.0.0.1';
const redisPort = (): number => Number(process.env.REDIS_PORT ?? 6379);

async function adminQuery(Client: PgClientClass, statements: string[]): Promise<void> {
	const client = new Client({
		host: pgHost(),
		port: pgPort(),
		user: process.env.PGUSER ?? 'postgres',
		database: process.env.PGDATABASE ?? 'postgres',
		connectionTimeoutMillis: 10_000,
	});
	await client.connect();
	try {
		for (const sql of statements) await client.query(sql);
	} finally {
		await client.end();
	}
}

/** Creates the role, the database and the prefix name; nothing is left if it fails half-way. */
export async function createQueueServices(runtime: N8nRuntime): Promise<QueueServices> {
	const load = runtimeRequire(runtime);
	const { Client } = load('pg') as { Client: PgClientClass };
	const Redis = load('ioredis') as RedisClass;
	const name = `lsq_e2e_${randomBytes(6).toString('hex')}`;
	const password = randomBytes(12).toString('hex');

	let dropped = false;
	const drop = async (): Promise<void> => {
		if (dropped) return;
		dropped = true;
		const problems: string[] = [];
		try {
			await adminQuery(Client, [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, `DROP ROLE IF EXISTS ${name}`]);
		} catch (error) {
			problems.push(`PostgreSQL: ${(error as Error).message}`);
		}
		const redis = new Redis({ host: redisHost(), port: redisPort(), lazyConnect: false, maxRetriesPerRequest: 2 });
		try {
			const keys = await redis.keys(`${name}:*`);
			for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
			await redis.quit();
		} catch (error) {
			redis.disconnect();
			problems.push(`Redis: ${(error as Error).message}`);
		}
		if (problems.length > 0) throw new Error(`cleaning up ${name} failed: ${problems.join('; ')}`);
	};

	try {
		await adminQuery(Client, [`CREATE ROLE ${name} LOGIN PASSWORD '${password}'`, `CREATE DATABASE ${name} OWNER ${name}`]);
	} catch (error) {
		await drop().catch(() => undefined);
		throw error;
	}

	const query = async <T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> => {
		const client = new Client({ host: pgHost(), port: pgPort(), user: name, password, database: name, connectionTimeoutMillis: 10_000 });
		await client.connect();
		try {
			return (await client.query<T>(sql, params)).rows;
		} finally {
			await client.end();
		}
	};

	return {
		name,
		env: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: pgHost(),
			DB_POSTGRESDB_PORT: String(pgPort()),
			DB_POSTGRESDB_DATABASE: name,
			DB_POSTGRESDB_USER: name,
			DB_POSTGRESDB_PASSWORD: password,
			QUEUE_BULL_REDIS_HOST: redisHost(),
			QUEUE_BULL_REDIS_PORT: String(redisPort()),
			QUEUE_BULL_PREFIX: name,
			// n8n's own keys (cache, instance registry) go under the same prefix, so drop() finds them all
			N8N_REDIS_KEY_PREFIX: name,
		},
		query,
		drop,
	};
}

/** n8n stores execution data with `flatted`; this reads it with n8n's own copy. */
export function parseFlatted(runtime: N8nRuntime, text: string): unknown {
	const { parse } = runtimeRequire(runtime)('flatted') as { parse: (text: string) => unknown };
	return parse(text);
}
