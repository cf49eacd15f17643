package uk.iroinsight.warehouse;

/**
 * Published (as a Spring application event) when a run has changed what the warehouse holds,
 * e.g. at the end of a load; whatever is computed from the facts refreshes itself on it.
 *
 * @param reason what changed, for the log
 */
public record WarehouseChanged(String reason) {
}
