package uk.iroinsight.security;

/**
 * The roles of PRODUCT.md §6. Spring Security sees each as the authority {@code ROLE_<name>},
 * so views name them in {@code @RolesAllowed}.
 */
public enum Role {
    /** Data loads, users, the audit trail, every figure unsuppressed, any authority's records. */
    ADMIN,
    /** One authority's record-level drill-down, and every authority's aggregates unsuppressed. */
    LA_ANALYST,
    /** Aggregates only, with small numbers suppressed (indicators.md §9). */
    VIEWER;

    /** The names for {@code @RolesAllowed}. */
    public static final String ADMIN_NAME = "ADMIN", LA_ANALYST_NAME = "LA_ANALYST", VIEWER_NAME = "VIEWER";

    /** How the role is written on pages. */
    public String label() {
        return switch (this) {
            case ADMIN -> "Administrator";
            case LA_ANALYST -> "LA analyst";
            case VIEWER -> "Viewer";
        };
    }
}
