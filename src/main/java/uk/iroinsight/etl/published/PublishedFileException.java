package uk.iroinsight.etl.published;

/** A published file refused whole, with a message naming the file and its problems. */
public final class PublishedFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PublishedFileException(String message) {
        super(message);
    }
}
