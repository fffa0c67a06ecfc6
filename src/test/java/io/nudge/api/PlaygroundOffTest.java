package io.nudge.api;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** As in the container images, which turn the playground off. */
@QuarkusTest
@TestProfile(PlaygroundOffTest.Off.class)
class PlaygroundOffTest {

    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nudge.playground.enabled", "false");
        }
    }

    @Test
    void shouldServeNoPlaygroundWhenTurnedOff() {
        given().redirects().follow(false).when().get("/").then().statusCode(404);
        given().when().get("/playground/").then().statusCode(404);
        given().when().get("/playground/playground.js").then().statusCode(404);
    }
}
