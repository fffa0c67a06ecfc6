package io.nudge.api;

import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.nudge.access.Roles;
import io.nudge.vocabulary.Product;
import io.nudge.rules.ActiveRules;
import io.quarkus.vertx.http.security.AuthorizationPolicy;

@Path("/v1/catalog/products")
@AuthorizationPolicy(name = Roles.STOREFRONT_POLICY)
public class CatalogResource {

    private static final int MAX_LIMIT = 100;

    private final ActiveRules rules;

    CatalogResource(ActiveRules rules) {
        this.rules = rules;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Products of the serving catalog whose sku or name contains q, by sku (at most limit, 1 to 100)")
    public List<Product> search(@QueryParam("q") @DefaultValue("") String q, @QueryParam("limit") @DefaultValue("20") int limit) {
        return rules.current().catalog().search(q, Math.max(1, Math.min(limit, MAX_LIMIT)));
    }
}
