package io.nudge.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;

/** What a browser asks before it lets a shop's page post a cart to Nudge. */
public final class CorsPreflight {

    private CorsPreflight() {
    }

    public static ValidatableResponse from(String origin) {
        return given().header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .when().options("/v1/nudges").then();
    }
}
