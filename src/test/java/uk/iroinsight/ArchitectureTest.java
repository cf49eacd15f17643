package uk.iroinsight;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The features stay apart (ARCHITECTURE.md: data flows one way, top to bottom; lower boxes never
 * import higher ones): the warehouse knows nothing of loading, indicators or screens; loading
 * knows nothing of indicators (it announces a WarehouseChanged event instead); indicators know
 * nothing of loading or screens.
 */
@AnalyzeClasses(packages = "uk.iroinsight", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theWarehouseDependsOnNoFeatureAboveIt = noClasses()
            .that().resideInAPackage("..warehouse..")
            .should().dependOnClassesThat().resideInAnyPackage("..etl..", "..indicators..", "..dashboards..", "..cli..", "..system..");

    @ArchTest
    static final ArchRule loadingKnowsNothingOfIndicatorsOrScreens = noClasses()
            .that().resideInAPackage("..etl..")
            .should().dependOnClassesThat().resideInAnyPackage("..indicators..", "..dashboards..", "..cli..");

    @ArchTest
    static final ArchRule indicatorsKnowNothingOfLoadingOrScreens = noClasses()
            .that().resideInAPackage("..indicators..")
            .should().dependOnClassesThat().resideInAnyPackage("..etl..", "..dashboards..", "..cli..");

    /** Who may see what is decided in one place that nothing can reach around. */
    @ArchTest
    static final ArchRule securityDependsOnlyOnTheWarehouse = noClasses()
            .that().resideInAPackage("..security..")
            .should().dependOnClassesThat().resideInAnyPackage("..etl..", "..indicators..", "..dashboards..", "..cli..", "..demo..");

    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices().matching("uk.iroinsight.(*)..").should().beFreeOfCycles();
}
