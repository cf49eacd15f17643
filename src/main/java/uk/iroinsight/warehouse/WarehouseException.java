package uk.iroinsight.warehouse;

/** A warehouse operation failed; the message is one line a user can act on. */
public class WarehouseException extends RuntimeException {
    public WarehouseException(String message, Throwable cause) {
        super(message, cause);
    }
}
