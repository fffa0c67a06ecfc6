package io.nudge.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The playground page (META-INF/resources/playground) where merchandisers try carts against
 * the live rules: reached from / when on, and not served at all when off.
 */
@ApplicationScoped
public class Playground {

    static final String PATH = "/playground/";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final boolean enabled;

    Playground(PlaygroundConfig config) {
        this.enabled = config.enabled();
    }

    void install(@Observes Router router) {
        // Exact paths: a Vert.x route for "/playground" would also take "/playground/".
        router.routeWithRegex("^/(playground)?$").order(Integer.MIN_VALUE + 1).handler(this::redirect);
        router.route("/playground/*").order(Integer.MIN_VALUE + 1).handler(ctx -> {
            if (enabled) {
                // The page shows feed data and takes the admin token: only its own scripts run, and no other site frames it.
                ctx.response().putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                ctx.next();
            } else {
                ctx.response().setStatusCode(404).end();
            }
        });
    }

    private void redirect(RoutingContext ctx) {
        if (enabled) {
            ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, PATH).end();
        } else {
            ctx.response().setStatusCode(404).end();
        }
    }
}
