/**
 * @kota-kit/core/testing — helpers for a module's API tests against a real server and a real database.
 * Every test file runs on the embedded database, and also on PostgreSQL when KK_TEST_DATABASE_URL is set.
 */
export {
  checkGeneratedTables,
  createPostgresTestDatabase,
  startTestHost,
  testDatabaseTargets,
  TestClock,
  awayFromWindowEdge,
  testRegion,
  type TestClient,
  type TestDatabaseTarget,
  type TestHost,
} from './testing/server.js';
export { hostileRequests, hostileValues, sendHostileRequests, type HostileRequest } from './testing/hostile.js';
export { chromiumPath, launchChromium, phoneViewport, recordBrowser, startBrowserHost, waitForApp, type BrowserTestHost, type BrowserTestModule } from './testing/browser.js';
export { smallTargets } from './testing/targets.js';
