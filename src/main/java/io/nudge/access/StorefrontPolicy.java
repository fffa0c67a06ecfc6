package io.nudge.access;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Decisions are open until API keys are configured; then only a caller holding a key (or the admin token) may ask. A caller
 * presenting a wrong token or key is refused either way.
 */
@ApplicationScoped
public class StorefrontPolicy implements HttpSecurityPolicy {

    private final boolean keysRequired;

    StorefrontPolicy(AccessConfig config) {
        this.keysRequired = !config.apiKeys().orElse(List.of()).isEmpty();
    }

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext requestContext) {
        // The caller is always known first, so that a wrong token is refused even where none is needed.
        return identity.map(caller -> !keysRequired || caller.hasRole(Roles.STOREFRONT) ? CheckResult.PERMIT : CheckResult.DENY);
    }

    @Override
    public String name() {
        return Roles.STOREFRONT_POLICY;
    }
}
