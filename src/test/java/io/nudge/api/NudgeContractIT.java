package io.nudge.api;

import io.nudge.testing.TestRuleBook;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The same checks against the packaged application, serving the test rule book. */
@QuarkusIntegrationTest
@TestProfile(TestRuleBook.Served.class)
class NudgeContractIT extends NudgeContractTest {
}
