package io.nudge.api;

import static io.nudge.decision.NudgeApi.decide;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The README's curl example gets the answer the README shows. */
@QuarkusTest
class ReadmeExampleTest {

    @Test
    void shouldAnswerTheReadmeExampleAsDocumented() throws IOException {
        decide(Files.readString(Path.of("examples/cart.json")))
                .statusCode(200)
                .body("currency", equalTo("USD"))
                .body("subtotal", equalTo(new BigDecimal("42.00")))
                .body("nudges.rule", contains("Personal next-day free shipping", "Weights for a new reel"))
                .body("nudges[0].message", equalTo("Add just $8.00 more for free next-day shipping"))
                .body("nudges[0].amountRemaining", equalTo(new BigDecimal("8.00")))
                .body("nudges[0].threshold", equalTo(new BigDecimal("50.00")))
                .body("nudges[1].message", equalTo("Ana, picking up that reel? Grab weights made for the same water."))
                .body("nudges[1].products.sku", contains("WGT-DS-14"))
                .body("nudges[1].products[0].price", equalTo(new BigDecimal("6.49")));
    }
}
