package io.nudge.api;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.security.AuthorizationPolicy;

import io.nudge.access.Roles;
import io.nudge.replay.DraftReport;
import io.nudge.replay.Preview;
import io.nudge.request.FieldProblem;
import io.nudge.request.InvalidRequest;
import io.nudge.rules.ActiveRules;
import io.nudge.rules.CheckReport;
import io.nudge.rules.RuleBookVersion;
import io.nudge.rules.ReloadAttempt;
import io.nudge.rules.RuleCompiler;
import io.nudge.rules.RulesConfig;
import io.nudge.decision.RuleInfo;

@Path("/v1/rules")
public class RulesResource {

    /**
     * The rule set serving decisions, and how it can change: the reload mode and the last reload
     * refused; while none serves, {@code notServing} says why. {@code quarantined} names the rules that ran past their budget
     * too often and fire no more until the next reload.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RuleSet(String version, Instant loadedAt, String reload, List<RuleInfo> rules, Set<String> quarantined,
            ReloadAttempt lastRefused, String notServing) {
    }

    private final ActiveRules rules;
    private final RulesConfig config;
    private final Preview preview;
    private final SecurityIdentity caller;

    RulesResource(ActiveRules rules, RulesConfig config, Preview preview, SecurityIdentity caller) {
        this.rules = rules;
        this.config = config;
        this.preview = preview;
        this.caller = caller;
    }

    @GET
    @AuthorizationPolicy(name = Roles.STOREFRONT_POLICY)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The rule set serving decisions: its version, and each rule's name, file and description")
    public RuleSet active() {
        String notServing = rules.notServing();
        if (notServing != null) {
            return new RuleSet(null, null, reloadMode(), List.of(), Set.of(), rules.lastRefused(), notServing);
        }
        ActiveRules.Serving serving = rules.serving();
        return new RuleSet(serving.book().version(), serving.loadedAt(), reloadMode(), serving.book().rules(), serving.book().quarantined(),
                rules.lastRefused(), null);
    }

    @POST
    @Path("/reload")
    @RolesAllowed(Roles.RULES_ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check the rule folder and, if it passes, make it serve",
            description = "Needs the admin token (Authorization: Bearer ...). 200 with the attempt when loaded or unchanged;"
                    + " 422 problem+json with every error and failed scenario when refused; 409 when a rollback came while it was"
                    + " checked (the later command wins).")
    public Response reload() {
        if (!RuleCompiler.available()) {
            return cannotCompile("ship a new image to change them");
        }
        if (!rules.reloadable()) {
            return Problem.ofStatus(409, "reloading is off (nudge.rules.reload=off)").toResponse();
        }
        ReloadAttempt attempt = rules.reload("api", caller.getPrincipal().getName());
        if (attempt.result() == ReloadAttempt.Result.SUPERSEDED) {
            return Problem.ofStatus(409, "a rollback came while the rule folder was checked, and it serves: reload again to serve the"
                    + " folder").toResponse();
        }
        if (attempt.result() != ReloadAttempt.Result.REFUSED) {
            return Response.ok(attempt).build();
        }
        return new RefusedRules("The rules were refused", attempt.errors().size() + " errors, " + attempt.failedScenarios().size()
                + " failed scenarios; " + (rules.notServing() == null ? "version " + rules.current().version() + " keeps serving"
                        : "no rule book serves"), attempt, null).toResponse();
    }

    @GET
    @Path("/history")
    @RolesAllowed(Roles.RULES_ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The rule books that served, newest first: version, since when, what brought it, who, and the files it changed",
            description = "Needs the admin token. The first is the one serving; the others can be rolled back to"
                    + " (nudge.rules.history-size of them are kept, in memory: a restart starts a new history).")
    public List<RuleBookVersion> history() {
        return rules.history();
    }

    @POST
    @Path("/rollback/{version}")
    @RolesAllowed(Roles.RULES_ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a rule book of the history serve again, at once",
            description = "Needs the admin token. 200 with the history's new first entry; 404 problem+json when the history holds"
                    + " no such version. The rule folder is left as it is: revert it too, or the next reload brings the change back.")
    public Response rollback(@PathParam("version") String version) {
        return rules.rollback(version, caller.getPrincipal().getName())
                .map(served -> Response.ok(served).build())
                .orElseGet(() -> Problem.ofStatus(404, "version " + version + " is not in the history (GET /v1/rules/history lists it)")
                        .toResponse());
    }

    @POST
    @Path("/preview")
    @RolesAllowed(Roles.RULES_ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What the rule folder, or a draft folder, would change: the check, and a replay of the carts recorded in the last days",
            description = "Needs the admin token, and recorded carts (nudge.events.carts=true, nudge.events.sink=file)."
                    + " draft=NAME previews the folder NAME in nudge.rules.drafts instead of the rule folder (404 when there is none)."
                    + " 200 with the check and the replay (a draft that fails a scenario is still replayed); 422 problem+json"
                    + " with the check when the folder cannot be built, or when the preview ran past nudge.rules.preview-timeout;"
                    + " 409 when another preview held the way for all that time.")
    public Response preview(@QueryParam("draft") String draft, @QueryParam("days") String days, @QueryParam("show") String show) {
        if (!RuleCompiler.available()) {
            return cannotCompile("run ./check-rules --replay on a copy of the event files");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String draftName = draft == null || draft.isBlank() ? null : draft.strip();
        if (draftName != null && !Preview.isDraftName(draftName)) {
            problems.add(new FieldProblem("draft", "must be the name of one folder in nudge.rules.drafts: letters, digits, '.', '-' and '_'"));
        }
        int window = whole("days", days, 7, 1, MAX_PREVIEW_DAYS, problems);
        int examples = whole("show", show, 5, 0, MAX_PREVIEW_SHOW, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        String unavailable = preview.unavailable();
        if (unavailable != null) {
            return Problem.ofStatus(409, unavailable).toResponse();
        }
        Optional<java.nio.file.Path> folder = preview.folderOf(draftName);
        if (folder.isEmpty()) {
            return Problem.ofStatus(404, "no draft folder " + draftName + " in " + config.drafts() + "/ (nudge.rules.drafts)").toResponse();
        }
        DraftReport report;
        try {
            report = preview.preview(folder.get(), Duration.ofDays(window), examples);
        } catch (IOException e) {
            return Problem.ofStatus(500, "the event files cannot be read: " + e.getMessage()).toResponse();
        } catch (Preview.Stopped e) {
            return Problem.ofStatus(e.busy() ? 409 : 422, e.getMessage()).toResponse();
        }
        if (report.replay() == null) {
            return new RefusedRules("The rules cannot be built", report.check().errors().size() + " errors; nothing was replayed", null,
                    report.check()).toResponse();
        }
        return Response.ok(report).build();
    }

    private static final int MAX_PREVIEW_DAYS = 366;
    private static final int MAX_PREVIEW_SHOW = 100;

    /** A whole-number query parameter from {@code min} to {@code max}, {@code fallback} when absent; a wrong one is added to {@code problems}. */
    private static int whole(String name, String value, int fallback, int min, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        problems.add(new FieldProblem(name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }

    private static Response cannotCompile(String instead) {
        return Problem.ofStatus(501, "rules cannot be compiled in the native binary: " + instead).toResponse();
    }

    /** A problem document for rules refused: a reload carries its {@code attempt}, a preview the draft's {@code check}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RefusedRules(String type, String title, int status, String detail, ReloadAttempt attempt, CheckReport.Summary check) {

        RefusedRules(String title, String detail, ReloadAttempt attempt, CheckReport.Summary check) {
            this("urn:nudge:problem:rules-refused", title, 422, detail, attempt, check);
        }

        Response toResponse() {
            return Response.status(status).type(Problem.MEDIA_TYPE).entity(this).build();
        }
    }

    private String reloadMode() {
        return RuleCompiler.available() ? config.reload().name().toLowerCase(Locale.ROOT) : "unavailable";
    }
}
