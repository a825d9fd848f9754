// n8n loads the nodes and credentials listed in package.json ("n8n" section). This entry point
// exposes the pure domain library for scripts and other packages.
export const PACKAGE_NAME = 'n8n-nodes-customer-journey';
