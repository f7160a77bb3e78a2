/**
 * Changes inside the sandbox account, announced as they happen. Endpoint modules emit them (a lead
 * created, an activity posted, a task completed, …); listeners react: cascading deletes, webhook
 * deliveries, the automation log. Listeners run synchronously, after the change is stored; one that
 * throws does not stop the others or the request.
 */

export type SandboxEventType =
	| 'lead.created'
	| 'lead.updated'
	| 'lead.deleted'
	| 'activity.created'
	| 'activity.updated'
	| 'task.created'
	| 'task.updated'
	| 'task.completed'
	| 'opportunity.created'
	| 'opportunity.updated'
	| 'opportunity.deleted'
	| 'landingPage.submitted';

export interface SandboxEvent {
	type: SandboxEventType;
	/** Date.now() of the change. */
	at: number;
	/** The lead concerned, when there is one. */
	leadId?: string;
	/** The entity as stored after the change (a copy). */
	data: Record<string, unknown>;
	/** For updates: the schema names whose value changed. */
	changed?: string[];
	/** For updates: the values before the change, of the changed fields. */
	before?: Record<string, unknown>;
}

export type SandboxListener = (event: SandboxEvent) => void;

export class SandboxEvents {
	private readonly listeners = new Set<SandboxListener>();

	/** Adds a listener; returns a function that removes it. */
	on(listener: SandboxListener): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	emit(event: SandboxEvent): void {
		for (const listener of [...this.listeners]) {
			try {
				listener(event);
			} catch {
				// a failing listener must not break the request that caused the change
			}
		}
	}
}
