package uk.iroinsight.dashboards.data;

import java.util.List;

/**
 * A current local authority as the dashboards use it.
 *
 * @param laCode       3-digit DfE code
 * @param onsCode      ONS code
 * @param regionCode   English region (ONS GOR code), as the records comparators use
 * @param publishedRegionCode DfE's publication region (London split into Inner and Outer)
 * @param neighbours   its statistical neighbours' codes, closest first (the model the marts used)
 */
public record Authority(String laCode, String onsCode, String name, String regionCode, String regionName,
                        String publishedRegionCode, List<String> neighbours) {

    public Authority {
        neighbours = List.copyOf(neighbours);
    }
}
