package io.herokusdk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rules between modules that the READMEs promise, checked on the compiled classes: no module
 * uses another's {@code internal} packages; modules depend on heroku-core only, except the
 * documented ones; hand-written code reaches the generated Retrofit services only through the
 * client's runtime.
 */
class ModuleRulesTest {
  /**
   * Which SDK modules each module may use besides itself and heroku-core. heroku-micrometer
   * measures the modules it binds; the starter configures them all; heroku-testing stands alone.
   */
  static final Map<Modules, Set<Modules>> ALLOWED = Map.of(
      Modules.CORE, EnumSet.noneOf(Modules.class),
      Modules.API, EnumSet.noneOf(Modules.class),
      Modules.POSTGRES, EnumSet.noneOf(Modules.class),
      Modules.REDIS, EnumSet.noneOf(Modules.class),
      Modules.MAIL, EnumSet.noneOf(Modules.class),
      Modules.TESTING, EnumSet.noneOf(Modules.class),
      Modules.MICROMETER, EnumSet.of(Modules.API, Modules.MAIL, Modules.POSTGRES),
      Modules.SPRING, EnumSet.of(Modules.API, Modules.MAIL, Modules.POSTGRES, Modules.REDIS,
          Modules.TESTING, Modules.MICROMETER));

  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = Modules.mainClasses();
  }

  @Test
  void everyModuleIsOnTheClasspathAndImported() {
    for (Modules module : Modules.values()) {
      if (classes.stream().noneMatch(module::owns)) {
        throw new AssertionError("no class of " + module.artifact + " was imported");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Modules.class)
  void noOtherModuleUsesThisModulesInternalPackages(Modules module) {
    noClasses().that().resideOutsideOfPackage(module.packages())
        .should().dependOnClassesThat().resideInAPackage(module.internalPackages())
        .because(module.artifact + "'s internal packages are not API: ask for a public"
            + " accessor in " + module.artifact + " instead")
        .check(classes);
  }

  @ParameterizedTest
  @EnumSource(Modules.class)
  void modulesUseOnlyHerokuCoreAndTheirDocumentedNeighbours(Modules module) {
    String[] forbidden = Arrays.stream(Modules.values())
        .filter(other -> other != module && other != Modules.CORE
            && !ALLOWED.get(module).contains(other))
        .map(Modules::packages).toArray(String[]::new);
    noClasses().that().resideInAPackage(module.packages())
        .should().dependOnClassesThat().resideInAnyPackage(forbidden)
        .because("shared things belong in heroku-core; see ModuleRulesTest.ALLOWED for the"
            + " documented exceptions")
        .check(classes);
  }

  @Test
  void generatedServicesAreReachedOnlyThroughTheClientRuntime() {
    noClasses().that().resideOutsideOfPackages("io.herokusdk.api.internal..",
            "io.herokusdk.api.resources..")
        .and().doNotHaveFullyQualifiedName("io.herokusdk.api.Heroku")
        .and().doNotHaveFullyQualifiedName("io.herokusdk.api.Heroku$Builder")
        .should().dependOnClassesThat().resideInAPackage("io.herokusdk.api.internal.service..")
        .because("generated Retrofit services are the runtime's; hand-written code uses the"
            + " generated resource clients (heroku.apps(), ...) or the runtime")
        .check(classes);
  }
}
