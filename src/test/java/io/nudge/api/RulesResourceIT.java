package io.nudge.api;

import io.nudge.testing.TestRuleBook;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The same checks against the packaged application: the jar, or the native binary with -Dnative. */
@QuarkusIntegrationTest
@TestProfile(TestRuleBook.Served.class)
class RulesResourceIT extends RulesResourceTest {
}
