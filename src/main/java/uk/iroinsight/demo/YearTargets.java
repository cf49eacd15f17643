package uk.iroinsight.demo;

/**
 * What one LA-year of the demo is calibrated to: children looked after at 31 March, children
 * starting and children ceasing to be looked after in the collection year, and the placement
 * stability percentages (NaN when neither published nor estimable).
 */
public record YearTargets(int year, int cla, int starts, int ceased, double stability3PlusPct, double longTermPct) {
}
