import { describeStoreContract } from './contract';
import { postgresHarness } from './support/postgres-harness';

describeStoreContract('PostgreSQL', postgresHarness);

// Behind PgBouncer in transaction mode (before 1.21) users turn named prepared statements off.
describeStoreContract('PostgreSQL without prepared statements', {
	freshConfig: async () => ({ ...(await postgresHarness.freshConfig()), preparedStatements: false }),
	dispose: postgresHarness.dispose,
});
