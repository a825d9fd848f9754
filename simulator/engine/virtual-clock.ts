/**
 * A virtual clock: only `Date` is faked, so luxon's `DateTime.now()`, `Date.now()` and the
 * expressions' `$now` follow it, while real timers keep the engine, sockets and jest working.
 * Under jest the engine lives in another realm, whose Date is faked as well.
 */
import FakeTimers from '@sinonjs/fake-timers';

import { clockGlobals } from './runtime';

export class VirtualClock {
	private readonly clocks: FakeTimers.InstalledClock[];

	constructor(start: Date) {
		this.clocks = clockGlobals().map((target) =>
			FakeTimers.withGlobal(target).install({ now: start.getTime(), toFake: ['Date'] }),
		);
	}

	now(): Date {
		return new Date(Date.now());
	}

	/** Moves forward only: n8n's WaitTracker never resumes a run before its waitTill. */
	advanceTo(instant: Date): void {
		if (instant.getTime() <= Date.now()) return;
		for (const clock of this.clocks) clock.setSystemTime(instant.getTime());
	}

	uninstall(): void {
		for (const clock of this.clocks) clock.uninstall();
	}
}
