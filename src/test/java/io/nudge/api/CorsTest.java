package io.nudge.api;

import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.nudge.testing.CorsPreflight;

/** Browsers on a shop's pages may call Nudge only from origins configured for it; none by default. */
@QuarkusTest
class CorsTest {

    @Test
    void shouldNotLetABrowserOnAnyOriginCallByDefault() {
        CorsPreflight.from("https://shop.example").header("Access-Control-Allow-Origin", nullValue());
    }
}
