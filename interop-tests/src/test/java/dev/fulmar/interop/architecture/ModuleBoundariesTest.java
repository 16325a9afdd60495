package dev.fulmar.interop.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of {@code docs/architecture.md}, checked on the main classes of every
 * module (this module has all of them on its test class path). The modules are plain classpath
 * jars, so these rules stand in for what JPMS exports would enforce.
 */
class ModuleBoundariesTest {

  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar")) // test-jars
            .importPackages("dev.fulmar");
    // guard against a vacuous pass: every module's classes must have been found
    for (String pkg :
        new String[] {
          "dev.fulmar.core.api", "dev.fulmar.adapters.linux", "dev.fulmar.profiles",
          "dev.fulmar.control", "dev.fulmar.helper", "dev.fulmar.app"
        }) {
      if (main.stream().noneMatch(c -> c.getPackageName().startsWith(pkg))) {
        throw new AssertionError("no main classes found in " + pkg + ": is the module built?");
      }
    }
  }

  @Test
  void theAppNeverTouchesTheEngineTheAdaptersOrTheHelper() {
    check(
        noClasses()
            .that().resideInAPackage("dev.fulmar.app..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("dev.fulmar.core..", "dev.fulmar.adapters..", "dev.fulmar.helper..")
            .because("the app and CLI talk to the helper only over the control socket"));
  }

  @Test
  void theAdaptersSeeOnlyTheSpiOfTheCore() {
    check(
        noClasses()
            .that().resideInAPackage("dev.fulmar.adapters..")
            .should().dependOnClassesThat()
            .resideInAnyPackage(
                "dev.fulmar.core.api..", "dev.fulmar.core.ike..", "dev.fulmar.core.esp..",
                "dev.fulmar.core.datapath..", "dev.fulmar.profiles..", "dev.fulmar.control..",
                "dev.fulmar.helper..", "dev.fulmar.app..")
            .because("native-adapters implement core.spi and nothing else"));
  }

  @Test
  void theHelperAssemblesTheTunnelWithoutReachingIntoIkeInternals() {
    check(
        noClasses()
            .that().resideInAPackage("dev.fulmar.helper..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.fulmar.core.ike..", "dev.fulmar.app..")
            .because("the helper uses core.api, core.spi and the data path's entry points"));
  }

  @Test
  void theCoreDependsOnNoOtherModule() {
    check(
        noClasses()
            .that().resideInAPackage("dev.fulmar.core..")
            .should().dependOnClassesThat()
            .resideInAnyPackage(
                "dev.fulmar.adapters..", "dev.fulmar.profiles..", "dev.fulmar.control..",
                "dev.fulmar.helper..", "dev.fulmar.app..")
            .because("tunnel-core is pure Java + JCE + Bouncy Castle with no OS calls or formats"));
  }

  @Test
  void profilesAndControlStayBelowTheHelperAndTheApp() {
    check(
        noClasses()
            .that().resideInAPackage("dev.fulmar.profiles..")
            .should().dependOnClassesThat()
            .resideInAnyPackage(
                "dev.fulmar.core..", "dev.fulmar.adapters..", "dev.fulmar.control..",
                "dev.fulmar.helper..", "dev.fulmar.app..")
            .because("profiles depends on no other module"));
    check(
        noClasses()
            .that().resideInAPackage("dev.fulmar.control..")
            .should().dependOnClassesThat()
            .resideInAnyPackage(
                "dev.fulmar.core..", "dev.fulmar.adapters..", "dev.fulmar.helper..",
                "dev.fulmar.app..")
            .because("control depends only on profiles"));
  }

  private static void check(ArchRule rule) {
    rule.check(main);
  }
}
