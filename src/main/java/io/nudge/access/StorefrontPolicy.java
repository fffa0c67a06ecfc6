package io.nudge.access;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/** Decisions are open until API keys are configured; then only a caller holding a key (or the admin token) may ask. */
@ApplicationScoped
public class StorefrontPolicy implements HttpSecurityPolicy {

    private final boolean keysRequired;

    StorefrontPolicy(AccessConfig config) {
        this.keysRequired = !config.apiKeys().orElse(List.of()).isEmpty();
    }

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext requestContext) {
        if (!keysRequired) {
            return CheckResult.permit();
        }
        return identity.map(caller -> caller.hasRole(Roles.STOREFRONT) ? CheckResult.PERMIT : CheckResult.DENY);
    }

    @Override
    public String name() {
        return Roles.STOREFRONT_POLICY;
    }
}
