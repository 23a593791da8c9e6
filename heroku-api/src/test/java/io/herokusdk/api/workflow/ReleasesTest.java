package io.herokusdk.api.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.api.Heroku;
import io.herokusdk.api.Range;
import io.herokusdk.api.model.Release;
import io.herokusdk.core.Waiter;
import io.herokusdk.api.SchemaCheckedFake;
import io.herokusdk.testing.herokuapi.BuildScript;
import io.herokusdk.testing.herokuapi.FakeHerokuApi;
import io.herokusdk.testing.herokuapi.StoredRelease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Releases against heroku-testing's fake Heroku. */
class ReleasesTest {
  @RegisterExtension final SchemaCheckedFake fake = new SchemaCheckedFake();
  @TempDir Path tmp;
  private FakeHerokuApi api;
  private Heroku heroku;
  private Workflows workflows;

  @BeforeEach
  void start() {
    api = fake.api();
    api.addApp("my-app");
    heroku = fake.heroku();
    workflows = heroku.workflows().withWaiter(Waiter.builder().timeout(Duration.ofSeconds(30))
        .interval(Duration.ofMillis(5)).build());
  }

  @Test
  void rollsBackToAVersionAndReturnsTheNewLiveRelease() {
    api.addRelease("my-app", "Deploy 1");
    api.addRelease("my-app", "Deploy 2");

    Release rolledBack = workflows.releases().rollback("my-app", 1);

    assertThat(rolledBack.version()).isEqualTo(3);
    assertThat(rolledBack.description()).isEqualTo("Rollback to v1");
    assertThat(rolledBack.current()).isTrue();
    assertThat(workflows.releases().current("my-app").id()).isEqualTo(rolledBack.id());
    assertThat(api.releases("my-app")).filteredOn(StoredRelease::current)
        .extracting(StoredRelease::version).containsExactly(3L);
  }

  @Test
  void theCurrentReleaseIsTheNewestLiveOneNotTheNewest() throws Exception {
    for (int i = 0; i < 11; i++) api.addRelease("my-app", "Deploy " + (i + 1));
    api.scriptBuild(BuildScript.succeeding().releasePhaseFails("migration failed"));
    Path dir = Files.createDirectories(tmp.resolve("app"));
    Files.writeString(dir.resolve("Procfile"), "web: ./run\n");
    assertThatThrownBy(() -> workflows.deploys().deploy(DeployRequest.builder("my-app",
        DeploySource.directory(dir)).build())).isInstanceOf(ReleaseFailedException.class);

    assertThat(workflows.releases().current("my-app").version()).isEqualTo(11);
  }

  @Test
  void listsReleasesByVersionAsNumbers() {
    for (int i = 0; i < 12; i++) api.addRelease("my-app", "Deploy " + (i + 1));

    List<Release> newest = heroku.releases().list("my-app")
        .page(Range.by("version", 3, true)).items();

    assertThat(newest).extracting(Release::version).containsExactly(12L, 11L, 10L);
  }

  @Test
  void streamsAReleasePhaseAndWaitsForIt() throws Exception {
    api.scriptBuild(BuildScript.succeeding().releasePhase("Running release command...",
        "Migrations are up to date").releasePendingFor(Duration.ofSeconds(1)));
    Path dir = Files.createDirectories(tmp.resolve("app"));
    Files.writeString(dir.resolve("Procfile"), "web: ./run\nrelease: ./migrate\n");
    DeployResult deployed = workflows.deploys().deploy(DeployRequest.builder("my-app",
        DeploySource.directory(dir)).build());
    List<String> seen = new ArrayList<>();

    Release release = workflows.releases().await("my-app", deployed.releaseId(), seen::add);
    List<String> again = workflows.releases().output("my-app",
        String.valueOf(deployed.releaseVersion()), line -> { });

    assertThat(release.status().value()).isEqualTo("succeeded");
    assertThat(seen).containsExactly("Running release command...", "Migrations are up to date");
    assertThat(again).isEqualTo(seen);
  }

  @Test
  void aReleaseWithoutAReleasePhaseHasNoOutput() {
    StoredRelease release = api.addRelease("my-app", "Deploy 1");

    assertThat(workflows.releases().output("my-app", release.id(), line -> { })).isEmpty();
  }

  @Test
  void awaitingAFailedReleaseThrowsWithItsOutput() throws Exception {
    api.scriptBuild(BuildScript.succeeding().releasePhaseFails("rake aborted!"));
    Path dir = Files.createDirectories(tmp.resolve("app"));
    Files.writeString(dir.resolve("Procfile"), "web: ./run\n");
    assertThatThrownBy(() -> workflows.deploys().deploy(DeployRequest.builder("my-app",
        DeploySource.directory(dir)).build())).isInstanceOf(ReleaseFailedException.class);
    String failed = api.releases("my-app").get(0).id();

    assertThatThrownBy(() -> workflows.releases().await("my-app", failed, line -> { }))
        .isInstanceOfSatisfying(ReleaseFailedException.class, e -> {
          assertThat(e.releaseId()).isEqualTo(failed);
          assertThat(e.outputTail()).containsExactly("rake aborted!");
        });
  }
}
