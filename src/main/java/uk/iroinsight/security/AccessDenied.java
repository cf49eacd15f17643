package uk.iroinsight.security;

/** A request for something the signed-in person may not see; the message says what, for the audit trail. */
public class AccessDenied extends RuntimeException {

    public AccessDenied(String message) {
        super(message);
    }
}
