package io.nudge.api;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.nudge.access.Roles;
import io.nudge.catalog.ActiveCatalog;
import io.nudge.catalog.CatalogConfig;
import io.nudge.catalog.CatalogException;
import io.nudge.catalog.CatalogReload;
import io.nudge.catalog.LoadedCatalog;
import io.nudge.catalog.LocalPaths;
import io.nudge.vocabulary.Product;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.security.AuthorizationPolicy;

@Path("/v1/catalog")
public class CatalogResource {

    private static final int MAX_LIMIT = 100;

    /**
     * The catalog serving: its version, when it loaded and when the feeds last proved current, each feed's
     * rows and refused rows, the pairs; the last reload refused; while none serves, {@code notServing} says why.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection(targets = { LoadedCatalog.Feed.class, LoadedCatalog.Pairs.class, CatalogException.RowProblem.class, CatalogReload.class })
    public record CatalogState(String version, Instant loadedAt, Long loadMillis, Instant freshAt, String refresh, boolean watched, Integer products,
            Integer inStock, List<LoadedCatalog.Feed> feeds, LoadedCatalog.Pairs pairs, CatalogReload lastRefused, String notServing) {
    }

    private final ActiveCatalog catalog;
    private final CatalogConfig config;
    private final SecurityIdentity caller;

    CatalogResource(ActiveCatalog catalog, CatalogConfig config, SecurityIdentity caller) {
        this.catalog = catalog;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @AuthorizationPolicy(name = Roles.STOREFRONT_POLICY)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The catalog serving: version, load time, products, each feed's rows and refused rows, the last reload refused")
    public CatalogState state() {
        // Where the feeds lie on this machine is the operators' business: others see a local feed by its file name.
        boolean admin = caller.hasRole(Roles.RULES_ADMIN);
        String notServing = catalog.notServing();
        CatalogReload lastRefused = admin ? catalog.lastRefused() : LocalPaths.hidden(catalog.lastRefused());
        if (notServing != null) {
            return new CatalogState(null, null, null, null, config.refresh(), config.watch(), null, null, null, null, lastRefused,
                    admin ? notServing : LocalPaths.hidden(notServing));
        }
        LoadedCatalog serving = catalog.serving();
        return new CatalogState(serving.version(), serving.loadedAt(), serving.loadMillis(), catalog.freshAt(), config.refresh(), config.watch(),
                serving.products().size(), serving.products().inStock(),
                admin ? serving.feeds() : serving.feeds().stream().map(LocalPaths::hidden).toList(),
                admin ? serving.pairs() : LocalPaths.hidden(serving.pairs()), lastRefused, null);
    }

    @POST
    @Path("/reload")
    @RolesAllowed(Roles.RULES_ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read the feeds again and, if every one can be read, make them serve",
            description = "Needs the admin token (Authorization: Bearer ...). 200 with the attempt when loaded or unchanged;"
                    + " 422 problem+json with the problems when refused, and the catalog before keeps serving.")
    public Response reload() {
        CatalogReload attempt = catalog.reload("api");
        if (attempt.result() != CatalogReload.Result.REFUSED) {
            return Response.ok(attempt).build();
        }
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(new RefusedCatalog("urn:nudge:problem:catalog-refused",
                "The catalog was refused", 422, attempt.problems().get(0) + "; " + (catalog.notServing() == null
                        ? "version " + catalog.serving().version() + " keeps serving" : "no catalog serves"), attempt)).build();
    }

    /** A problem document for a refused catalog reload, carrying the attempt with its problems. */
    public record RefusedCatalog(String type, String title, int status, String detail, CatalogReload attempt) {
    }

    @GET
    @Path("/products")
    @AuthorizationPolicy(name = Roles.STOREFRONT_POLICY)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Products of the serving catalog whose sku or name contains q, by sku (at most limit, 1 to 100)")
    public List<Product> search(@QueryParam("q") @DefaultValue("") String q, @QueryParam("limit") @DefaultValue("20") int limit) {
        return catalog.current().search(q, Math.max(1, Math.min(limit, MAX_LIMIT)));
    }
}
