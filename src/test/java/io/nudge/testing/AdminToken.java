package io.nudge.testing;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Requests as the rules admin, with the token the test profile configures. */
public final class AdminToken {

    public static final String TEST_TOKEN = "test-only-admin-token-do-not-use-in-production";

    private AdminToken() {
    }

    public static RequestSpecification asAdmin() {
        return given().header("Authorization", "Bearer " + TEST_TOKEN);
    }
}
