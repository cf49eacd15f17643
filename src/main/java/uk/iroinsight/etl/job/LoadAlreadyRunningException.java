package uk.iroinsight.etl.job;

/** A load was asked for while this process was already running one. */
public class LoadAlreadyRunningException extends IllegalStateException {

    LoadAlreadyRunningException() {
        super("a load is already running");
    }
}
