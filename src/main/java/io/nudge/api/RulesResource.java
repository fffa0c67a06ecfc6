package io.nudge.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.vertx.http.security.AuthorizationPolicy;

import io.nudge.access.Roles;
import io.nudge.rules.ActiveRules;
import io.nudge.rules.ReloadAttempt;
import io.nudge.rules.RuleCompiler;
import io.nudge.rules.RulesConfig;
import io.nudge.decision.RuleInfo;

@Path("/v1/rules")
public class RulesResource {

    /**
     * The rule set serving decisions, and how it can change: the reload mode and the last reload
     * refused; while none serves, {@code notServing} says why.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RuleSet(String version, Instant loadedAt, String reload, List<RuleInfo> rules, ReloadAttempt lastRefused,
            String notServing) {
    }

    private final ActiveRules rules;
    private final RulesConfig config;

    RulesResource(ActiveRules rules, RulesConfig config) {
        this.rules = rules;
        this.config = config;
    }

    @GET
    @AuthorizationPolicy(name = Roles.STOREFRONT_POLICY)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The rule set serving decisions: its version, and each rule's name, file and description")
    public RuleSet active() {
        String notServing = rules.notServing();
        if (notServing != null) {
            return new RuleSet(null, null, reloadMode(), List.of(), rules.lastRefused(), notServing);
        }
        ActiveRules.Serving serving = rules.serving();
        return new RuleSet(serving.book().version(), serving.loadedAt(), reloadMode(), serving.book().rules(), rules.lastRefused(), null);
    }

    @POST
    @Path("/reload")
    @RolesAllowed(Roles.RULES_ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check the rule folder and, if it passes, make it serve",
            description = "Needs the admin token (Authorization: Bearer ...). 200 with the attempt when loaded or unchanged;"
                    + " 422 problem+json with every error and failed scenario when refused.")
    public Response reload() {
        if (!RuleCompiler.available()) {
            return Problem.ofStatus(501, "rules cannot be compiled in the native binary: ship a new image to change them").toResponse();
        }
        if (!rules.reloadable()) {
            return Problem.ofStatus(409, "reloading is off (nudge.rules.reload=off)").toResponse();
        }
        ReloadAttempt attempt = rules.reload("api");
        if (attempt.result() != ReloadAttempt.Result.REFUSED) {
            return Response.ok(attempt).build();
        }
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(new RefusedReload("urn:nudge:problem:rules-refused",
                "The rules were refused", 422, attempt.errors().size() + " errors, " + attempt.failedScenarios().size()
                        + " failed scenarios; " + (rules.notServing() == null ? "version " + rules.current().version() + " keeps serving"
                                : "no rule book serves"),
                attempt)).build();
    }

    /** A problem document for a refused reload, carrying the attempt with its errors. */
    public record RefusedReload(String type, String title, int status, String detail, ReloadAttempt attempt) {
    }

    private String reloadMode() {
        return RuleCompiler.available() ? config.reload().name().toLowerCase(Locale.ROOT) : "unavailable";
    }
}
