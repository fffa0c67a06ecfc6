package io.nudge.api;

import java.util.List;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail: what went wrong with the request, and for which fields. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A field of the request, as a path such as {@code cart.items[0].price}, and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem("urn:nudge:problem:invalid-request", "The request is invalid", 400, detail, errors);
    }

    static Problem ofStatus(int status, String detail) {
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String title = statusType == null ? "HTTP " + status : statusType.getReasonPhrase();
        return new Problem("about:blank", title, status, detail, List.of());
    }

    Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
