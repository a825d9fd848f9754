/** Minimal pages for people who open the unsubscribe URL in a browser. No personal data on them. */
const page = (body: string) =>
	`<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Unsubscribe</title></head><body style="font-family:sans-serif;max-width:32em;margin:3em auto">${body}</body></html>`;

/** `action` is "?t=<token>" (relative to the current URL), already URL-encoded. */
export function unsubscribePage(action: string): string {
	const safe = action.replace(/[^A-Za-z0-9?=%._~-]/g, '');
	return page(
		`<p>Stop receiving these emails?</p><form method="post" action="${safe}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`,
	);
}

export function unsubscribedPage(): string {
	return page('<p>You are unsubscribed. You will not receive these emails any more.</p>');
}
