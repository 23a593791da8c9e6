package io.herokusdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DynoTest {
  @TempDir Path cgroup;

  private Dyno dyno(Map<String, String> vars) {
    return Dyno.from(ConfigVars.of(vars), cgroup);
  }

  @ParameterizedTest
  @CsvSource({
      "web.1, web, 1, WEB",
      "worker.3, worker, 3, WORKER",
      "run.1234, run, 1234, RUN",
      "scheduler.5678, scheduler, 5678, SCHEDULER",
      "release.1, release, 1, RELEASE",
      "clock.1, clock, 1, OTHER",
      "run.detached.42, run, 42, RUN"})
  void dynoNameGivesProcessTypeIndexAndKind(String name, String type, int index,
      Dyno.Kind kind) {
    Dyno dyno = dyno(Map.of("DYNO", name));

    assertThat(dyno.isOnHeroku()).isTrue();
    assertThat(dyno.name()).contains(name);
    assertThat(dyno.processType()).contains(type);
    assertThat(dyno.index()).hasValue(index);
    assertThat(dyno.kind()).contains(kind);
  }

  @Test
  void oneOffDynosAreRunSchedulerAndRelease() {
    assertThat(dyno(Map.of("DYNO", "run.1")).isOneOff()).isTrue();
    assertThat(dyno(Map.of("DYNO", "scheduler.2")).isOneOff()).isTrue();
    assertThat(dyno(Map.of("DYNO", "release.3")).isOneOff()).isTrue();
    assertThat(dyno(Map.of("DYNO", "web.1")).isOneOff()).isFalse();
    assertThat(dyno(Map.of("DYNO", "worker.1")).isOneOff()).isFalse();
  }

  @Test
  void aDynoNameWithoutANumberIsAllProcessType() {
    Dyno dyno = dyno(Map.of("DYNO", "web"));

    assertThat(dyno.processType()).contains("web");
    assertThat(dyno.index()).isEmpty();
    assertThat(dyno.kind()).contains(Dyno.Kind.WEB);
  }

  @Test
  void offHerokuEverythingIsEmpty() {
    Dyno dyno = dyno(Map.of());

    assertThat(dyno.isOnHeroku()).isFalse();
    assertThat(dyno.name()).isEmpty();
    assertThat(dyno.kind()).isEmpty();
    assertThat(dyno.isOneOff()).isFalse();
    assertThat(dyno.appName()).isEmpty();
    assertThat(dyno.releaseVersion()).isEmpty();
    assertThat(dyno.memoryLimit()).isEmpty();
    assertThat(dyno.port()).isEmpty();
    assertThat(dyno).hasToString("Dyno{local}");
  }

  @Test
  void readsRuntimeDynoMetadata() {
    Dyno dyno = dyno(Map.of(
        "DYNO", "web.2",
        "HEROKU_APP_ID", "9daa2797-e49b-4624-932f-ec3f9688e3da",
        "HEROKU_APP_NAME", "example-app",
        "HEROKU_DYNO_ID", "1vac4117-c29f-4312-521e-ba4d8638c1ac",
        "HEROKU_RELEASE_VERSION", "v42",
        "HEROKU_RELEASE_CREATED_AT", "2015-04-02T18:00:42Z",
        "HEROKU_SLUG_COMMIT", "2c3a0b24069af49b3de35b8e8c26765c1dba9ff0",
        "HEROKU_SLUG_DESCRIPTION", "Deploy 2c3a0b2",
        "PORT", "5000"));

    assertThat(dyno.appId()).contains("9daa2797-e49b-4624-932f-ec3f9688e3da");
    assertThat(dyno.appName()).contains("example-app");
    assertThat(dyno.dynoId()).contains("1vac4117-c29f-4312-521e-ba4d8638c1ac");
    assertThat(dyno.releaseVersion()).hasValue(42);
    assertThat(dyno.releaseCreatedAt()).contains(Instant.parse("2015-04-02T18:00:42Z"));
    assertThat(dyno.slugCommit()).contains("2c3a0b24069af49b3de35b8e8c26765c1dba9ff0");
    assertThat(dyno.slugDescription()).contains("Deploy 2c3a0b2");
    assertThat(dyno.port()).hasValue(5000);
    assertThat(dyno).hasToString("Dyno{web.2, app=example-app, release=v42, port=5000}");
  }

  @Test
  void releaseCreatedAtAcceptsAnOffset() {
    assertThat(dyno(Map.of("HEROKU_RELEASE_CREATED_AT", "2026-01-05T10:00:00+01:00"))
        .releaseCreatedAt()).contains(Instant.parse("2026-01-05T09:00:00Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"42x", "vv3", "-1", "v", "latest"})
  void aBadReleaseVersionNamesTheVar(String value) {
    assertThatThrownBy(() -> dyno(Map.of("HEROKU_RELEASE_VERSION", value)))
        .isInstanceOf(InvalidConfigVarException.class)
        .hasMessageContaining("HEROKU_RELEASE_VERSION is not a release version")
        .satisfies(e -> assertThat(((ConfigException) e).configVar())
            .contains("HEROKU_RELEASE_VERSION"));
  }

  @Test
  void aBadReleaseTimeNamesTheVar() {
    assertThatThrownBy(() -> dyno(Map.of("HEROKU_RELEASE_CREATED_AT", "yesterday")))
        .isInstanceOf(InvalidConfigVarException.class)
        .hasMessageContaining("HEROKU_RELEASE_CREATED_AT is not an ISO-8601 time");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http", "65536", "-1", "+80", "5000.0"})
  void aBadPortNamesTheVarAndNeverTheValue(String value) {
    assertThatThrownBy(() -> dyno(Map.of("PORT", value)))
        .isInstanceOf(InvalidConfigVarException.class)
        .hasMessageStartingWith("PORT is not a port number")
        .hasMessageNotContaining(value);
  }

  @Test
  void memoryLimitFromCgroupV2() throws IOException {
    Files.writeString(cgroup.resolve("memory.max"), "536870912\n");

    assertThat(dyno(Map.of()).memoryLimit()).hasValue(512L * 1024 * 1024);
  }

  @Test
  void memoryLimitFromCgroupV1() throws IOException {
    Files.createDirectories(cgroup.resolve("memory"));
    Files.writeString(cgroup.resolve("memory/memory.limit_in_bytes"), "1073741824\n");

    assertThat(dyno(Map.of()).memoryLimit()).hasValue(1024L * 1024 * 1024);
  }

  @Test
  void noMemoryLimitWhenV2SaysMax() throws IOException {
    Files.writeString(cgroup.resolve("memory.max"), "max\n");
    Files.createDirectories(cgroup.resolve("memory"));
    Files.writeString(cgroup.resolve("memory/memory.limit_in_bytes"), "1073741824\n");

    assertThat(dyno(Map.of()).memoryLimit()).as("v2 wins over v1").isEmpty();
  }

  @Test
  void noMemoryLimitWhenV1SaysAlmostLongMax() throws IOException {
    Files.createDirectories(cgroup.resolve("memory"));
    Files.writeString(cgroup.resolve("memory/memory.limit_in_bytes"), "9223372036854771712\n");

    assertThat(dyno(Map.of()).memoryLimit()).isEmpty();
  }

  @Test
  void garbageInTheCgroupFileNamesTheFile() throws IOException {
    Path file = Files.writeString(cgroup.resolve("memory.max"), "lots\n");

    assertThatThrownBy(() -> dyno(Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("memory limit");
  }
}
