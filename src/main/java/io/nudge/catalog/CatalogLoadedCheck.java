package io.nudge.catalog;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once a catalog has loaded; until then, down with the reason. */
@Readiness
@ApplicationScoped
public class CatalogLoadedCheck implements HealthCheck {

    private final ActiveCatalog catalog;

    CatalogLoadedCheck(ActiveCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public HealthCheckResponse call() {
        String notServing = catalog.notServing();
        if (notServing != null) {
            // Readiness is open to anyone: a local feed is named by its file alone.
            return HealthCheckResponse.named("catalog").down().withData("reason", LocalPaths.hidden(notServing)).build();
        }
        LoadedCatalog serving = catalog.serving();
        return HealthCheckResponse.named("catalog").up()
                .withData("version", serving.version())
                .withData("products", serving.products().size())
                .build();
    }
}
