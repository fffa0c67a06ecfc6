package io.nudge.access;

/** The roles a caller can hold. */
public final class Roles {

    /** May change what serves: reload the rules and the catalog. */
    public static final String RULES_ADMIN = "rules-admin";
    /** May ask for decisions. */
    public static final String STOREFRONT = "storefront";
    /** The name of {@link StorefrontPolicy}, for {@code @AuthorizationPolicy}. */
    public static final String STOREFRONT_POLICY = "storefront";

    private Roles() {
    }
}
