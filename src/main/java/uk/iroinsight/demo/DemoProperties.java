package uk.iroinsight.demo;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded demo warehouse of {@code serve} ({@code iro.demo.*}, or the environment, e.g.
 * {@code IRO_DEMO_ENABLED=false}): what {@link EmbeddedDemo} generates and loads when the
 * dashboard starts on a warehouse without returns.
 *
 * @param enabled generate and load the demo on an empty warehouse (default true; turn it off for a real installation)
 * @param dir     the demo inbox folder (default: {@code demo-inbox} beside the warehouse file)
 * @param seed    random seed of the generator (default 1)
 * @param from    first collection year (default 2016)
 * @param to      last collection year (default 2025)
 * @param las     3-digit DfE codes of the authorities, or {@code all} (default: all current authorities)
 */
@ConfigurationProperties("iro.demo")
public record DemoProperties(@DefaultValue("true") boolean enabled, Path dir, @DefaultValue("1") long seed,
        @DefaultValue("2016") int from, @DefaultValue("2025") int to, @DefaultValue("all") List<String> las) {

    public DemoProperties {
        las = las == null ? List.of() : las.stream().map(String::trim).filter(code -> !code.isEmpty()).distinct().toList();
    }

    /** The demo inbox folder for a warehouse file. */
    Path folder(Path warehouse) {
        return (dir != null ? dir : warehouse.toAbsolutePath().getParent().resolve("demo-inbox")).toAbsolutePath().normalize();
    }

    /** The generator's options for writing into {@code out}. */
    DemoOptions options(Path out) {
        return new DemoOptions(out, seed, from, to, allAuthorities() ? List.of() : las);
    }

    /** The authorities as written in the manifest: {@code all} or the codes, comma-separated. */
    String authorities() {
        return allAuthorities() ? "all" : String.join(",", las);
    }

    private boolean allAuthorities() {
        return las.isEmpty() || las.size() == 1 && las.get(0).equalsIgnoreCase("all");
    }
}
