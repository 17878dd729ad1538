/** The database the test suites use, on the same server as the application's database. */
export const TEST_DATABASE_NAME = "bpc40_test";

/**
 * The URL of the test database: `databaseUrl` with its database name swapped for
 * {@link TEST_DATABASE_NAME}. Host, port, user, password and query options are kept, so
 * tests never need a second server nor touch the demo data of `npm start`.
 */
export function testDatabaseUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${TEST_DATABASE_NAME}`;
  return url.toString();
}
