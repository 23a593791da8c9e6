package io.herokusdk.api.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedSourcesUpToDateTest {
  static Path schemaFile() {
    return Paths.get(System.getProperty("heroku.schema",
        "../../shared/reference/heroku-platform-api-schema.json"));
  }

  static Schema schemaOrSkip() throws Exception {
    Path file = schemaFile();
    if (!Files.isRegularFile(file)) {
      String reason = "Skipped: Heroku schema not found at " + file.toAbsolutePath()
          + " (set -Dheroku.schema=...)";
      System.out.println(reason);
      assumeTrue(false, reason);
    }
    return Schema.load(file);
  }

  @Test
  void committedSourcesMatchTheGeneratorOutput(@TempDir Path tmp) throws Exception {
    Schema schema = schemaOrSkip();
    Codegen.main(new String[] {schemaFile().toString(), tmp.toString()});
    SortedMap<String, String> expected = Codegen.generate(schema);
    assertThat(Codegen.diff(expected, tmp)).as("generator is deterministic").isEmpty();

    Path committed = Paths.get(System.getProperty("heroku.api.sources",
        "../heroku-api/src/main/java"));
    List<String> problems = Codegen.diff(expected, committed);
    assertThat(problems)
        .as("heroku-api's generated sources are stale; run "
            + "./mvnw -q -pl heroku-api-codegen compile exec:java")
        .isEmpty();
  }

  @Test
  void everyLinkGetsAUniqueMethodPerResource() throws Exception {
    List<LinkInfo> links = LinkInfo.all(schemaOrSkip());
    assertThat(links).hasSize(305);
    assertThat(links.stream().map(l -> l.accessor() + "." + l.javaMethod()).distinct())
        .hasSize(305);
    LinkInfo create = find(links, "release", "Create");
    LinkInfo rollback = find(links, "release", "Rollback");
    assertThat(create.method()).isEqualTo(rollback.method()).isEqualTo("POST");
    assertThat(create.href()).isEqualTo(rollback.href());
    assertThat(create.javaMethod()).isEqualTo("create");
    assertThat(rollback.javaMethod()).isEqualTo("rollback");
    assertThat(find(links, "formation", "Batch Update").accessor()).isEqualTo("formation");
    assertThat(find(links, "config-var", "Update").accessor()).isEqualTo("configVars");
    assertThat(find(links, "app", "List Owned and Collaborated").javaMethod())
        .isEqualTo("listOwnedAndCollaborated");
  }

  private static LinkInfo find(List<LinkInfo> links, String resource, String title) {
    return links.stream().filter(l -> l.resource().equals(resource) && l.title().equals(title))
        .findFirst().orElseThrow();
  }
}
