package io.herokusdk.examples.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokusdk.testing.herokuapi.BuildScript;
import io.herokusdk.testing.herokuapi.StoredRelease;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deploy from CI and promote through the pipeline, against the fake Platform API. */
class DeployJobTest {
  private OpsFakes fakes;
  @TempDir Path dir;
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();

  @BeforeEach
  void start() throws Exception {
    fakes = OpsFakes.start();
  }

  @AfterEach
  void stop() {
    fakes.close();
  }

  private int deploy(String... args) {
    return fakes.run(output, Map.of(), "deploy", args);
  }

  private String out() {
    return output.toString(StandardCharsets.UTF_8);
  }

  @Test
  void deploysTheJarStreamingBuildOutputWithAnUploadProgressBar() throws Exception {
    fakes.api.scriptBuild(BuildScript.succeeding().lines("-----> Building on the Heroku-24 stack",
        "-----> Launching...").pendingFor(Duration.ofMillis(200)));

    int code = deploy("--app", "shop-staging", "--jar", OpsFakes.jar(dir).toString());

    assertThat(code).as(out()).isZero();
    assertThat(out()).contains("upload [##############################] 100%")
        .contains("-----> Building on the Heroku-24 stack", "-----> Launching...")
        .contains("Deployed shop.jar to shop-staging: v2 is live");
    assertThat(fakes.api.builds("shop-staging")).singleElement()
        .satisfies(b -> assertThat(b.status()).isEqualTo("succeeded"));
  }

  @Test
  void aFailedBuildExitsNonZeroWithTheLastLines() throws Exception {
    fakes.api.scriptBuild(BuildScript.failing("-----> Compiling", "[ERROR] BUILD FAILURE")
        .pendingFor(Duration.ofMillis(200)));

    int code = deploy("--app", "shop-staging", "--jar", OpsFakes.jar(dir).toString());

    assertThat(code).isEqualTo(1);
    assertThat(out()).contains("The build on shop-staging failed. Last ")
        .contains("  | [ERROR] BUILD FAILURE")
        .contains("deploy FAILED: The build on shop-staging failed: [ERROR] BUILD FAILURE");
  }

  @Test
  void aFailedReleasePhaseExitsNonZeroAndSaysThePreviousReleaseStaysLive() throws Exception {
    fakes.api.scriptBuild(BuildScript.succeeding().pendingFor(Duration.ofMillis(200))
        .releasePhaseFails("Migrating...", "ERROR: relation \"users\" already exists"));

    int code = deploy("--app", "shop-staging", "--jar", OpsFakes.jar(dir).toString());

    assertThat(code).isEqualTo(1);
    assertThat(out()).contains("release: Migrating...")
        .contains("failed its release phase; the previous release stays live")
        .contains("relation \"users\" already exists");
  }

  @Test
  void promotesStagingToTheProductionStage() {
    int releasesBefore = fakes.api.releases("shop").size();

    int code = deploy("--app", "shop-staging", "--promote");

    assertThat(code).as(out()).isZero();
    assertThat(out()).contains("Promoted shop-staging to production");
    List<StoredRelease> releases = fakes.api.releases("shop");
    assertThat(releases).hasSize(releasesBefore + 1);
  }

  @Test
  void aFailedPromotionExitsNonZeroNamingTheTarget() {
    fakes.api.failNextPromotionTo("shop", "Release phase failed");

    int code = deploy("--app", "shop-staging", "--promote");

    assertThat(code).isEqualTo(1);
    assertThat(out()).contains("The promotion of shop-staging failed for")
        .contains("Release phase failed");
  }

  @Test
  void productionHasNoNextStageAndAMissingJarIsNamed() {
    assertThat(deploy("--app", "shop", "--promote")).isEqualTo(1);
    assertThat(out()).contains("shop is in the production stage of its pipeline, which has no "
        + "next stage");
    assertThat(deploy("--app", "shop", "--jar", dir.resolve("nope.jar").toString()))
        .isEqualTo(1);
    assertThat(out()).contains("No JAR at ").contains("nope.jar");
  }
}
