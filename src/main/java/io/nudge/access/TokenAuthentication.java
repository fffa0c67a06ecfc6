package io.nudge.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Knows the rules admin by the configured bearer token and a storefront by one of the configured
 * API keys. A request carrying neither is anonymous; one carrying a wrong one fails with a 401.
 */
@ApplicationScoped
@Startup // so a token too short to be safe stops the start, not the first request
public class TokenAuthentication implements HttpAuthenticationMechanism {

    static final String API_KEY_HEADER = "X-Api-Key";
    /** What a 401 answers with in WWW-Authenticate. */
    public static final String CHALLENGE = "Bearer realm=\"nudge\"";
    private static final String BEARER = "Bearer ";
    private static final int MIN_TOKEN_LENGTH = 32;

    private final byte[] adminToken;
    private final List<byte[]> apiKeys;

    TokenAuthentication(AccessConfig config) {
        config.adminToken().filter(token -> token.length() < MIN_TOKEN_LENGTH).ifPresent(weak -> {
            throw new ConfigurationException("nudge.access.admin-token must be at least " + MIN_TOKEN_LENGTH
                    + " characters; generate one with: openssl rand -hex 32");
        });
        this.adminToken = config.adminToken().map(TokenAuthentication::bytes).orElse(null);
        this.apiKeys = config.apiKeys().orElse(List.of()).stream().map(TokenAuthentication::bytes).toList();
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return matches(adminToken, authorization.substring(BEARER.length()).strip())
                    ? identity(Roles.RULES_ADMIN, Set.of(Roles.RULES_ADMIN, Roles.STOREFRONT))
                    : Uni.createFrom().failure(new AuthenticationFailedException());
        }
        String key = context.request().getHeader(API_KEY_HEADER);
        if (key != null && !apiKeys.isEmpty()) {
            return apiKeys.stream().anyMatch(known -> matches(known, key))
                    ? identity(Roles.STOREFRONT, Set.of(Roles.STOREFRONT))
                    : Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", CHALLENGE));
    }

    /** Compares in constant time, so the answer's timing says nothing of how much of a secret was right. */
    private static boolean matches(byte[] secret, String offered) {
        return secret != null && MessageDigest.isEqual(secret, bytes(offered));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Uni<SecurityIdentity> identity(String name, Set<String> roles) {
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).addRoles(roles).build());
    }
}
