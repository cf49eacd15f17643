package uk.iroinsight.security;

/**
 * What the person behind a request may see: the one place the rules of PRODUCT.md §6 are
 * written. The query layer asks it, whatever a page shows or hides.
 *
 * @param username who, or null for nobody signed in
 * @param role     their role, or null for nobody signed in (treated as less than a VIEWER)
 * @param laCode   an LA_ANALYST's authority (3-digit code); null for the others
 */
public record Access(String username, Role role, String laCode) {

    /** Nobody signed in (a background thread, a request outside a session): sees the least. */
    public static final Access NOBODY = new Access(null, null, null);

    public Access {
        if ((role == Role.LA_ANALYST) != (laCode != null)) {
            throw new IllegalArgumentException("an LA analyst, and only an LA analyst, has an authority");
        }
    }

    public static Access admin(String username) {
        return new Access(username, Role.ADMIN, null);
    }

    public static Access analyst(String username, String laCode) {
        return new Access(username, Role.LA_ANALYST, laCode);
    }

    public static Access viewer(String username) {
        return new Access(username, Role.VIEWER, null);
    }

    public boolean signedIn() {
        return role != null;
    }

    /**
     * Small numbers are suppressed (indicators.md §9) for a VIEWER, and for anyone not signed in.
     * ADMIN and LA_ANALYST see aggregates unsuppressed.
     */
    public boolean suppress() {
        return role != Role.ADMIN && role != Role.LA_ANALYST;
    }

    /** Whether the record-level rows of an authority may be shown: an ADMIN's any, an LA analyst's own. */
    public boolean maySeeRecordsOf(String la) {
        return role == Role.ADMIN || (role == Role.LA_ANALYST && laCode.equals(la));
    }

    /** Whether the unsuppressed analysts' exports (the indicator mart, comparators) may be downloaded. */
    public boolean mayDownloadUnsuppressed() {
        return role == Role.ADMIN || role == Role.LA_ANALYST;
    }

    /** Loads, uploads, accounts and the audit trail. */
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
