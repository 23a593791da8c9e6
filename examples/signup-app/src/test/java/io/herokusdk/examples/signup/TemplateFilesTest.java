package io.herokusdk.examples.signup;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The app is a template people copy and push: its files must work there. Maven runs tests in
 * the module directory, where these files are.
 */
class TemplateFilesTest {

  @Test
  void appJsonNameFitsHerokusThirtyCharacterLimit() throws IOException {
    String json = Files.readString(Path.of("app.json"), StandardCharsets.UTF_8);
    Map<?, ?> app = (Map<?, ?>) new Moshi.Builder().build().adapter(Object.class).fromJson(json);

    assertThat(app.get("name")).isInstanceOf(String.class);
    assertThat((String) app.get("name")).isNotBlank().hasSizeLessThanOrEqualTo(30);
  }

  @Test
  void gitignoreKeepsBuildOutputAndSecretsOutOfTheRepository() throws IOException {
    GitIgnore ignore = GitIgnore.read(Path.of(".gitignore"));

    assertThat(ignore.ignores("target", true)).isTrue();
    assertThat(ignore.ignores("target/signup-app.jar", false)).isTrue();
    assertThat(ignore.ignores(".env", false)).isTrue();
    assertThat(ignore.ignores("signup.log", false)).isTrue();
    assertThat(ignore.ignores(".idea", true)).isTrue();
    // what the deploy needs stays in
    for (String kept : List.of(".env.example", "pom.xml", "app.json", "Procfile",
        "system.properties", "src/main/java/io/herokusdk/examples/signup/SignupApp.java")) {
      assertThat(ignore.ignores(kept, false)).as(kept).isFalse();
    }
    assertThat(ignore.ignores("src", true)).isFalse();
  }

  /** The part of gitignore(5) a short template file uses: globs, dir-only, anchors, negation. */
  private record GitIgnore(List<Rule> rules) {
    record Rule(Pattern pattern, boolean directoryOnly, boolean anchored, boolean negated) {}

    static GitIgnore read(Path file) throws IOException {
      List<Rule> rules = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) continue;
        boolean negated = text.startsWith("!");
        if (negated) text = text.substring(1);
        boolean directoryOnly = text.endsWith("/");
        if (directoryOnly) text = text.substring(0, text.length() - 1);
        boolean anchored = text.contains("/");
        if (text.startsWith("/")) text = text.substring(1);
        StringBuilder regex = new StringBuilder();
        for (char c : text.toCharArray()) {
          if (c == '*') regex.append("[^/]*");
          else if (c == '?') regex.append("[^/]");
          else regex.append(Pattern.quote(String.valueOf(c)));
        }
        rules.add(new Rule(Pattern.compile(regex.toString()), directoryOnly, anchored, negated));
      }
      return new GitIgnore(rules);
    }

    /** True if {@code path} (relative, '/'-separated) is ignored, itself or by a parent. */
    boolean ignores(String path, boolean directory) {
      String[] parts = path.split("/");
      for (int i = 1; i <= parts.length; i++) {
        String prefix = String.join("/", List.of(parts).subList(0, i));
        boolean isDirectory = i < parts.length || directory;
        if (matches(prefix, parts[i - 1], isDirectory)) return true;
      }
      return false;
    }

    private boolean matches(String path, String name, boolean directory) {
      boolean ignored = false;
      for (Rule rule : rules) {
        if (rule.directoryOnly() && !directory) continue;
        String subject = rule.anchored() ? path : name;
        if (rule.pattern().matcher(subject).matches()) ignored = !rule.negated();
      }
      return ignored;
    }
  }
}
