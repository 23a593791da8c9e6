package io.herokusdk.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Optional;

/** The published modules, each by its root package, and their main classes. */
enum Modules {
  CORE("heroku-core", "io.herokusdk.core"),
  API("heroku-api", "io.herokusdk.api"),
  POSTGRES("heroku-postgres", "io.herokusdk.postgres"),
  REDIS("heroku-redis", "io.herokusdk.redis"),
  MAIL("heroku-mail", "io.herokusdk.mail"),
  TESTING("heroku-testing", "io.herokusdk.testing"),
  MICROMETER("heroku-micrometer", "io.herokusdk.micrometer"),
  SPRING("heroku-spring-boot-starter", "io.herokusdk.spring");

  final String artifact;
  final String rootPackage;

  Modules(String artifact, String rootPackage) {
    this.artifact = artifact;
    this.rootPackage = rootPackage;
  }

  /** {@code io.herokusdk.api..}: the module's packages, in ArchUnit's notation. */
  String packages() {
    return rootPackage + "..";
  }

  /** {@code io.herokusdk.api.internal..}: what no other module may use. */
  String internalPackages() {
    return rootPackage + ".internal..";
  }

  boolean owns(JavaClass c) {
    return c.getPackageName().equals(rootPackage)
        || c.getPackageName().startsWith(rootPackage + ".");
  }

  static Optional<Modules> of(JavaClass c) {
    return List.of(values()).stream().filter(m -> m.owns(c)).findFirst();
  }

  /** The main classes of every module (the jars on this module's classpath), no tests. */
  static JavaClasses mainClasses() {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("/heroku-architecture-tests/"))
        .importPackages("io.herokusdk");
  }
}
