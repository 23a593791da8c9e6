package io.herokusdk.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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
  void procfileRunsTheOneJarWithEachProcesssProfile() throws IOException {
    Map<String, String> processes = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of("Procfile"), StandardCharsets.UTF_8)) {
      if (line.isBlank()) continue;
      int colon = line.indexOf(':');
      processes.put(line.substring(0, colon), line.substring(colon + 1).strip());
    }

    assertThat(processes).containsOnlyKeys("web", "worker", "release");
    processes.values().forEach(command -> assertThat(command)
        .startsWith("java $JAVA_OPTS -jar target/spring-boot-app.jar"));
    assertThat(processes.get("web")).doesNotContain("--spring.profiles.active");
    assertThat(processes.get("worker")).endsWith("--spring.profiles.active=worker");
    assertThat(processes.get("release"))
        .endsWith("--spring.profiles.active=" + SignupApplication.RELEASE);
  }
}
