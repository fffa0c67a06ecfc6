package io.nudge.api;

import static io.nudge.testing.NudgeApi.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OutcomeResourceTest {

    @Test
    void shouldAcceptAnOrderAndIgnoreFieldsItDoesNotKnow() {
        post("/v1/outcomes", """
                {"decisionId": "4a359174-00f2-41ac-95c4-6785561f6f7b", "orderTotal": 57.49, "currency": "USD",
                 "items": [{"sku": "REEL-2500", "quantity": 1, "price": 42.00, "colour": "navy"}],
                 "paymentMethod": "card"}
                """).statusCode(202);
    }

    @Test
    void shouldAcceptAnOrderWithoutItems() {
        post("/v1/outcomes", """
                {"decisionId": "4a359174-00f2-41ac-95c4-6785561f6f7b", "orderTotal": 0, "currency": "EUR"}
                """).statusCode(202);
    }

    @Test
    void shouldNameEachInvalidField() {
        post("/v1/outcomes", """
                {"decisionId": " ", "orderTotal": -1, "currency": "XAU", "items": [{"sku": "A", "quantity": 0, "price": 1}]}
                """).statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("decisionId"))
                .body("errors.field", hasItem("orderTotal"))
                .body("errors.field", hasItem("currency"))
                .body("errors.field", hasItem("items[0].quantity"));
    }

    @Test
    void shouldRefuseAnOrderTotalThatIsNotANumber() {
        post("/v1/outcomes", """
                {"decisionId": "d-1", "orderTotal": "lots", "currency": "USD"}
                """).statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("orderTotal"));
    }
}
