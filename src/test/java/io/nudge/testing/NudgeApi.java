package io.nudge.testing;

import static io.restassured.RestAssured.given;
import static io.restassured.config.JsonConfig.jsonConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;

/** Posts a cart to the running service; JSON numbers are read as exact BigDecimals, scale included. */
public final class NudgeApi {

    private static final RestAssuredConfig EXACT_NUMBERS = RestAssuredConfig.config()
            .jsonConfig(jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private NudgeApi() {
    }

    public static ValidatableResponse decide(String body) {
        return post("/v1/nudges", body);
    }

    /** The same, with {@code ?explain=true}. */
    public static ValidatableResponse explain(String body) {
        return post("/v1/nudges?explain=true", body);
    }

    /** Posts to a path with its query, such as {@code /v1/nudges?explain=false}. */
    public static ValidatableResponse post(String path, String body) {
        return given().config(EXACT_NUMBERS).contentType(ContentType.JSON).body(body)
                .when().post(path)
                .then();
    }

    /** A request body from src/test/resources/carts. */
    public static String cart(String file) {
        try {
            return Files.readString(Path.of("src/test/resources/carts", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GPath to the first nudge of a type, e.g. {@code nudge("FREE_SHIPPING") + ".amountRemaining"}. */
    public static String nudge(String type) {
        return "nudges.find { it.type == '" + type + "' }";
    }

    /** GPath to the nudge a rule produced. */
    public static String byRule(String rule) {
        return "nudges.find { it.rule == '" + rule + "' }";
    }
}
