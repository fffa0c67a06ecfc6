package io.nudge.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.nudge.rules.ActiveRules;
import io.nudge.decision.RuleBook;
import io.nudge.decision.RuleInfo;

@Path("/v1/rules")
public class RulesResource {

    /** The rule set serving decisions. */
    public record RuleSet(String version, List<RuleInfo> rules) {
    }

    private final ActiveRules rules;

    RulesResource(ActiveRules rules) {
        this.rules = rules;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The rule set serving decisions: its version, and each rule's name, file and description")
    public RuleSet active() {
        RuleBook book = rules.current();
        return new RuleSet(book.version(), book.rules());
    }
}
