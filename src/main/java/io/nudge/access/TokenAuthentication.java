package io.nudge.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * Knows a rules admin by one of the configured bearer tokens, named by its label, and a storefront by one of the
 * configured API keys. A request carrying neither is anonymous; one carrying a wrong one fails with a 401.
 */
@ApplicationScoped
@Startup // so a token too short to be safe stops the start, not the first request
public class TokenAuthentication implements HttpAuthenticationMechanism {

    static final String API_KEY_HEADER = "X-Api-Key";
    /** What a 401 answers with in WWW-Authenticate. */
    public static final String CHALLENGE = "Bearer realm=\"nudge\"";
    private static final String BEARER = "Bearer ";
    private static final int MIN_TOKEN_LENGTH = 32;

    /** The label of {@code nudge.access.admin-token}. */
    static final String ADMIN = "admin";

    /** Each admin token by its label. */
    private final Map<String, byte[]> adminTokens = new TreeMap<>();
    private final List<byte[]> apiKeys;

    TokenAuthentication(AccessConfig config) {
        config.adminToken().ifPresent(token -> adminTokens.put(ADMIN, admin("nudge.access.admin-token", token)));
        config.adminTokens().forEach((label, token) -> {
            // The label names who changed the rules: two people behind one label or one token would blur the audit trail.
            byte[] secret = admin("nudge.access.admin-tokens." + label, token);
            if (adminTokens.containsKey(label)) {
                throw new ConfigurationException("nudge.access.admin-tokens." + label + ": the label " + label
                        + " is taken (admin is nudge.access.admin-token's): choose another");
            }
            if (adminTokens.values().stream().anyMatch(known -> matches(known, secret))) {
                throw new ConfigurationException("nudge.access.admin-tokens." + label + " is the same token as another: give each person their own");
            }
            adminTokens.put(label, secret);
        });
        this.apiKeys = config.apiKeys().orElse(List.of()).stream().map(String::strip).map(TokenAuthentication::bytes).toList();
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            byte[] offered = bytes(authorization.substring(BEARER.length()).strip());
            // Every token is compared, so the time taken says nothing of which one matched.
            String label = null;
            for (Map.Entry<String, byte[]> token : adminTokens.entrySet()) {
                if (matches(token.getValue(), offered)) {
                    label = token.getKey();
                }
            }
            return label != null ? identity(label, Set.of(Roles.RULES_ADMIN, Roles.STOREFRONT))
                    : Uni.createFrom().failure(new AuthenticationFailedException());
        }
        String key = context.request().getHeader(API_KEY_HEADER);
        if (key != null && !apiKeys.isEmpty()) {
            byte[] offered = bytes(key);
            return apiKeys.stream().anyMatch(known -> matches(known, offered))
                    ? identity(Roles.STOREFRONT, Set.of(Roles.STOREFRONT))
                    : Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", CHALLENGE));
    }

    private static byte[] admin(String property, String configured) {
        // A secret mounted from a file often ends in a newline, which no caller sends: it would never match.
        String token = configured.strip();
        if (token.length() < MIN_TOKEN_LENGTH) {
            throw new ConfigurationException(property + " must be at least " + MIN_TOKEN_LENGTH + " characters; generate one with: openssl rand -hex 32");
        }
        return bytes(token);
    }

    /** Compares in constant time, so the answer's timing says nothing of how much of a secret was right. */
    private static boolean matches(byte[] secret, byte[] offered) {
        return MessageDigest.isEqual(secret, offered);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Uni<SecurityIdentity> identity(String name, Set<String> roles) {
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).addRoles(roles).build());
    }
}
