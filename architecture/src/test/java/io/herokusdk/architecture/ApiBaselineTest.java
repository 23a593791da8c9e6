package io.herokusdk.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The public API of each module against its baseline in {@code architecture/api/<module>.api}:
 * every public type outside {@code internal} packages with its public and protected members,
 * generic signatures included. Any difference fails; a removed or changed line breaks users.
 * After an intended change, regenerate with {@code -Dapi.baseline.update=true} and commit.
 */
class ApiBaselineTest {
  private static final Set<JavaModifier> SHOWN = EnumSet.of(JavaModifier.PUBLIC,
      JavaModifier.PROTECTED, JavaModifier.STATIC, JavaModifier.FINAL, JavaModifier.ABSTRACT);

  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = Modules.mainClasses();
  }

  @ParameterizedTest
  @EnumSource(Modules.class)
  void thePublicApiMatchesTheBaseline(Modules module) throws IOException {
    List<String> current = describe(module);
    Path baseline = Path.of(System.getProperty("api.baseline.dir", "api"))
        .resolve(module.artifact + ".api");
    if (Boolean.getBoolean("api.baseline.update")) {
      Files.createDirectories(baseline.getParent());
      Files.write(baseline, current, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(baseline)) {
      throw new AssertionError("no API baseline " + baseline + "; create it with"
          + " -Dapi.baseline.update=true");
    }
    List<String> expected = Files.readAllLines(baseline, StandardCharsets.UTF_8);
    if (expected.equals(current)) return;
    Set<String> removed = new LinkedHashSet<>(expected);
    current.forEach(removed::remove);
    Set<String> added = new LinkedHashSet<>(current);
    expected.forEach(added::remove);
    StringBuilder message = new StringBuilder(module.artifact + "'s public API differs from "
        + baseline + ".\n");
    if (!removed.isEmpty()) {
      message.append("Removed or changed (this BREAKS users: say so in CHANGELOG.md):\n");
      removed.stream().limit(40).forEach(l -> message.append("  - ").append(l).append('\n'));
    }
    if (!added.isEmpty()) {
      message.append("Added:\n");
      added.stream().limit(40).forEach(l -> message.append("  + ").append(l).append('\n'));
    }
    message.append("If intended: ./mvnw -B -pl architecture -am verify -Dapi.baseline.update=true"
        + " -Dtest=ApiBaselineTest -Dsurefire.failIfNoSpecifiedTests=false, then commit"
        + " architecture/api/.");
    throw new AssertionError(message);
  }

  /** One line per public type, then one indented line per member, sorted. */
  static List<String> describe(Modules module) {
    List<JavaClass> types = classes.stream()
        .filter(module::owns)
        .filter(ApiBaselineTest::isApi)
        .sorted(Comparator.comparing(JavaClass::getName))
        .toList();
    List<String> lines = new ArrayList<>();
    for (JavaClass type : types) {
      lines.add(header(type));
      Set<String> members = new TreeSet<>();
      for (JavaField f : type.getFields()) {
        if (visible(f.getModifiers())) {
          members.add("  " + modifiers(f.getModifiers()) + name(f.getType()) + " " + f.getName());
        }
      }
      for (JavaCodeUnit c : type.getCodeUnits()) {
        if (!visible(c.getModifiers()) || c.getModifiers().contains(JavaModifier.SYNTHETIC)
            || c.getModifiers().contains(JavaModifier.BRIDGE) || c.getName().equals("<clinit>")) {
          continue;
        }
        String parameters = c.getParameterTypes().stream().map(ApiBaselineTest::name)
            .collect(Collectors.joining(", "));
        String name = c.getName().equals("<init>") ? type.getSimpleName() : c.getName();
        String returns = c.getName().equals("<init>") ? "" : name(c.getReturnType()) + " ";
        members.add("  " + modifiers(c.getModifiers()) + returns + name + "(" + parameters + ")");
      }
      lines.addAll(members);
    }
    return lines;
  }

  private static boolean isApi(JavaClass c) {
    if (c.getPackageName().contains(".internal")) return false;
    if (c.isAnonymousClass() || c.isLocalClass()) return false;
    for (JavaClass t = c; t != null; t = t.getEnclosingClass().orElse(null)) {
      if (!t.getModifiers().contains(JavaModifier.PUBLIC)) return false;
    }
    return true;
  }

  private static String header(JavaClass type) {
    String kind = type.isAnnotation() ? "@interface" : type.isInterface() ? "interface"
        : type.isEnum() ? "enum" : type.isRecord() ? "record" : "class";
    Set<JavaModifier> shown = EnumSet.noneOf(JavaModifier.class);
    shown.addAll(type.getModifiers());
    if (type.isInterface() || type.isEnum() || type.isRecord()) {
      shown.remove(JavaModifier.ABSTRACT);
      shown.remove(JavaModifier.FINAL);
      if (type.isInterface() || type.isEnum() || type.isRecord()) shown.remove(JavaModifier.STATIC);
    }
    StringBuilder line = new StringBuilder(modifiers(shown) + kind + " " + type.getName());
    type.getRawSuperclass().map(JavaClass::getName)
        .filter(s -> !s.equals("java.lang.Object") && !s.equals("java.lang.Record")
            && !s.equals("java.lang.Enum"))
        .ifPresent(s -> line.append(" extends ").append(s));
    List<String> interfaces = type.getRawInterfaces().stream().map(JavaClass::getName)
        .filter(i -> !i.equals("java.lang.annotation.Annotation")).sorted().toList();
    if (!interfaces.isEmpty()) {
      line.append(type.isInterface() ? " extends " : " implements ")
          .append(String.join(", ", interfaces));
    }
    return line.toString();
  }

  private static boolean visible(Set<JavaModifier> modifiers) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  private static String modifiers(Set<JavaModifier> modifiers) {
    return modifiers.stream().filter(SHOWN::contains).sorted()
        .map(m -> m.name().toLowerCase(Locale.ROOT) + " ").collect(Collectors.joining());
  }

  private static String name(JavaType type) {
    if (type instanceof JavaClass c && c.isArray()) {
      return name(c.getComponentType()) + "[]";
    }
    return type.getName().replace('$', '.');
  }
}
