package io.nudge.access;

import static io.nudge.testing.AdminToken.asAdmin;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** As in production when no token is set: no credential opens rule administration. */
@QuarkusTest
@TestProfile(NoAdminTokenTest.WithoutToken.class)
class NoAdminTokenTest {

    public static class WithoutToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nudge.access.admin-token", "");
        }
    }

    @Test
    void shouldRefuseEveryReloadWhileNoAdminTokenIsConfigured() {
        asAdmin().when().post("/v1/rules/reload").then().statusCode(401).contentType("application/problem+json");
    }
}
