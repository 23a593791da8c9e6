package io.herokusdk.api.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.api.Heroku;
import io.herokusdk.core.WaitTimeoutException;
import io.herokusdk.core.Waiter;
import io.herokusdk.api.SchemaCheckedFake;
import io.herokusdk.testing.ManualClock;
import io.herokusdk.testing.herokuapi.BuildScript;
import io.herokusdk.testing.herokuapi.FakeHerokuApi;
import io.herokusdk.testing.herokuapi.StoredBuild;
import io.herokusdk.testing.herokuapi.StoredRelease;
import io.herokusdk.testing.herokuapi.StoredUpload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Deploys from source against heroku-testing's fake Heroku, as a user's deploy script would. */
class DeploysTest {
  @RegisterExtension final SchemaCheckedFake fake = new SchemaCheckedFake();
  private static final String LONG_NAME = "src/main/java/com/example/" + "very/".repeat(20)
      + "deeply/nested/package/SomeRatherLongClassNameThatGoesOn.java";

  @TempDir Path tmp;
  private FakeHerokuApi api;
  private Heroku heroku;
  private Deploys deploys;

  @BeforeEach
  void start() {
    api = fake.api();
    api.addApp("my-app");
    heroku = fake.heroku();
    deploys = heroku.workflows().withWaiter(Waiter.builder().timeout(Duration.ofSeconds(30))
        .interval(Duration.ofMillis(5)).build()).deploys();
  }

  @Test
  void deploysADirectoryStreamingEveryBuildLineAndPackingModesAndLongNames() throws Exception {
    Path app = tmp.resolve("app");
    write(app.resolve("bin/start.sh"), "#!/bin/sh\nexec java -jar app.jar\n");
    Files.setPosixFilePermissions(app.resolve("bin/start.sh"),
        PosixFilePermissions.fromString("rwxr-xr-x"));
    write(app.resolve(LONG_NAME), "class SomeRatherLongClassNameThatGoesOn {}\n");
    write(app.resolve("pom.xml"), "<project/>\n");
    write(app.resolve(".git/config"), "[core]\n");
    write(app.resolve("données/été.txt"), "chaud\n");
    Files.createSymbolicLink(app.resolve("current"), Path.of("bin/start.sh"));
    List<String> seen = new ArrayList<>();

    DeployResult result = deploys.deploy(DeployRequest.builder("my-app",
            DeploySource.directory(app))
        .detectGitCommit(false).javaVersion("21").buildOutput(seen::add).build());

    assertThat(seen).containsExactlyElementsOf(BuildScript.DEFAULT_LINES);
    assertThat(result.buildOutput()).containsExactlyElementsOf(BuildScript.DEFAULT_LINES);
    assertThat(result.releaseVersion()).isEqualTo(1);
    assertThat(api.releases("my-app")).singleElement()
        .satisfies(r -> assertThat(r.current()).isTrue());
    StoredBuild build = api.builds("my-app").get(0);
    assertThat(build.id()).isEqualTo(result.buildId());
    assertThat(build.buildpacks()).isEmpty();
    StoredUpload upload = api.upload(build.sourceUrl());
    assertThat(upload.contentType()).isNull();
    assertThat(upload.truncated()).isFalse();
    String sha = sha256(upload.bytes());
    assertThat(build.version()).isEqualTo("sha256:" + sha).isEqualTo(result.sourceVersion());
    assertThat(build.checksum()).isEqualTo("SHA256:" + sha);

    Map<String, TarReader.Entry> tar = TarReader.read(upload.bytes());
    assertThat(tar.get("bin/start.sh").mode()).isEqualTo(0755);
    assertThat(tar.get("bin/").type()).isEqualTo('5');
    assertThat(tar.get("pom.xml").mode()).isEqualTo(0644);
    assertThat(tar.get(LONG_NAME).text()).contains("SomeRatherLongClassNameThatGoesOn");
    assertThat(tar.get("données/été.txt").text()).isEqualTo("chaud\n");
    assertThat(tar.get("current").type()).isEqualTo('2');
    assertThat(tar.get("current").link()).isEqualTo("bin/start.sh");
    assertThat(tar.get("system.properties").text()).isEqualTo("java.runtime.version=21\n");
    assertThat(tar).doesNotContainKeys("Procfile", ".git/", ".git/config");
  }

  @Test
  void keepsTheSourcesOwnProcfileAndSystemProperties() throws Exception {
    Path app = tmp.resolve("app");
    write(app.resolve("Procfile"), "web: ./run\n");
    write(app.resolve("system.properties"), "java.runtime.version=17\n");

    deploys.deploy(DeployRequest.builder("my-app", DeploySource.directory(app))
        .processCommand("java -jar other.jar").javaVersion("21").build());

    Map<String, TarReader.Entry> tar = uploadedTar();
    assertThat(tar.get("Procfile").text()).isEqualTo("web: ./run\n");
    assertThat(tar.get("system.properties").text()).isEqualTo("java.runtime.version=17\n");
  }

  @Test
  void usesTheGitCommitOfTheRepositoryHoldingTheSourceAsItsVersion() throws Exception {
    Path repo = tmp.resolve("repo");
    String commit = "0123456789abcdef0123456789abcdef01234567";
    write(repo.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    write(repo.resolve(".git/packed-refs"), "# pack-refs with: peeled\n" + commit
        + " refs/heads/main\n");
    write(repo.resolve("service/pom.xml"), "<project/>\n");

    DeployResult result = deploys.deploy(DeployRequest.builder("my-app",
        DeploySource.directory(repo.resolve("service"))).build());

    assertThat(result.sourceVersion()).isEqualTo(commit);
    assertThat(api.builds("my-app").get(0).version()).isEqualTo(commit);
  }

  @Test
  void deploysATarballAsItIs() throws Exception {
    Path tgz = tmp.resolve("app.tgz");
    byte[] bytes = new byte[300_000];
    new java.util.Random(1).nextBytes(bytes);
    Files.write(tgz, bytes);

    DeployResult result = deploys.deploy(DeployRequest.builder("my-app",
        DeploySource.tarball(tgz)).build());

    StoredUpload upload = api.upload(api.builds("my-app").get(0).sourceUrl());
    assertThat(upload.bytes()).isEqualTo(bytes);
    assertThat(result.sourceVersion()).isEqualTo("sha256:" + sha256(bytes));
  }

  @Test
  void deploysAJarWithAProcfileThatRunsItAndTheJvmBuildpackOnCedar() throws Exception {
    Path jar = tmp.resolve("target/my-service-1.0.jar");
    write(jar, "PK fake jar");

    deploys.deploy(DeployRequest.builder("my-app", DeploySource.jar(jar)).javaVersion("17")
        .version("v1.0").build());

    StoredBuild build = api.builds("my-app").get(0);
    assertThat(build.buildpacks()).containsExactly("heroku/jvm");
    assertThat(build.version()).isEqualTo("v1.0");
    Map<String, TarReader.Entry> tar = uploadedTar();
    assertThat(tar).containsOnlyKeys("my-service-1.0.jar", "Procfile", "system.properties");
    assertThat(tar.get("my-service-1.0.jar").text()).isEqualTo("PK fake jar");
    assertThat(tar.get("Procfile").text()).isEqualTo(
        "web: java -Dserver.port=$PORT $JAVA_OPTS -jar my-service-1.0.jar $JAR_OPTS\n");
    assertThat(tar.get("system.properties").text()).isEqualTo("java.runtime.version=17\n");
  }

  @Test
  void sendsNoBuildpacksForAFirApp() throws Exception {
    api.setGeneration("my-app", "fir");
    Path jar = tmp.resolve("app.jar");
    write(jar, "PK");

    deploys.deploy(DeployRequest.builder("my-app", DeploySource.jar(jar)).build());

    assertThat(api.builds("my-app").get(0).buildpacks()).isEmpty();
    assertThatThrownBy(() -> deploys.deploy(DeployRequest.builder("my-app", DeploySource.jar(jar))
        .buildpacks(List.of("heroku/jvm")).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("project.toml");
  }

  @Test
  void aFailedBuildFailsTheCallerWithItsLastLines() throws Exception {
    api.scriptBuild(BuildScript.failing("-----> Building", "[ERROR] COMPILATION ERROR",
        " !     Push rejected, failed to compile Java app."));

    assertThatThrownBy(() -> deploys.deploy(request()))
        .isInstanceOfSatisfying(BuildFailedException.class, e -> {
          assertThat(e.app()).isEqualTo("my-app");
          assertThat(e.buildId()).isEqualTo(api.builds("my-app").get(0).id());
          assertThat(e.outputTail()).containsExactly("-----> Building",
              "[ERROR] COMPILATION ERROR", " !     Push rejected, failed to compile Java app.");
          assertThat(e).hasMessageContaining("failed to compile");
        });
    assertThat(api.releases("my-app")).isEmpty();
  }

  @Test
  void aFailedReleasePhaseFailsTheCallerAndTheOldReleaseStaysLive() throws Exception {
    api.addRelease("my-app", "Initial release");
    api.scriptBuild(BuildScript.succeeding().releasePhaseFails("Running migrations",
        "ERROR: relation \"users\" already exists"));
    List<String> releaseLines = new ArrayList<>();

    assertThatThrownBy(() -> deploys.deploy(DeployRequest.builder("my-app",
            DeploySource.directory(source())).releaseOutput(releaseLines::add).build()))
        .isInstanceOfSatisfying(ReleaseFailedException.class, e -> {
          assertThat(e.app()).isEqualTo("my-app");
          assertThat(e.getMessage()).contains("my-app");
          assertThat(e.version()).isEqualTo(2);
          assertThat(e.outputTail()).containsExactly("Running migrations",
              "ERROR: relation \"users\" already exists");
        });
    assertThat(releaseLines).containsExactly("Running migrations",
        "ERROR: relation \"users\" already exists");
    assertThat(api.releases("my-app")).extracting(StoredRelease::version,
        StoredRelease::current).containsExactly(org.assertj.core.groups.Tuple.tuple(1L, true),
        org.assertj.core.groups.Tuple.tuple(2L, false));
  }

  @Test
  void streamsTheReleasePhaseIntoTheResult() throws Exception {
    api.scriptBuild(BuildScript.succeeding().releasePhase("Migrating", "Migrated 3")
        .releasePendingFor(Duration.ofSeconds(1)));

    DeployResult result = deploys.deploy(request());

    assertThat(result.releaseOutput()).containsExactly("Migrating", "Migrated 3");
    assertThat(api.releases("my-app").get(0).current()).isTrue();
  }

  @Test
  void resumesADroppedOutputStreamWithoutLosingOrRepeatingALine() throws Exception {
    List<String> lines = List.of("one", "two", "three", "four with ünïcödé", "five", "six");
    api.scriptBuild(BuildScript.succeeding().lines(lines).dropStreamAfter(3));
    List<String> seen = new ArrayList<>();

    deploys.deploy(DeployRequest.builder("my-app", DeploySource.directory(source()))
        .buildOutput(seen::add).build());

    assertThat(seen).containsExactlyElementsOf(lines);
    assertThat(api.builds("my-app").get(0).outputRequests()).isEqualTo(2);
  }

  @Test
  void resumesADroppedTextOutputStreamWithRange() throws Exception {
    api.scriptBuild(BuildScript.succeeding().lines("one", "two", "three").dropStreamAfter(1));

    deploys.deploy(request());

    assertThat(api.builds("my-app").get(0).outputResumes()).containsExactly("",
        "Range: bytes=4-");
  }

  @Test
  void resumesADroppedEventStreamOfAFirBuildWithLastEventIdWithoutLosingOrRepeatingALine()
      throws Exception {
    api.setGeneration("my-app", "fir");
    List<String> lines = List.of("one", "two", "three", "four with ünïcödé", "", "six");
    api.scriptBuild(BuildScript.succeeding().lines(lines).dropStreamAfter(3));
    List<String> seen = new ArrayList<>();

    DeployResult result = deploys.deploy(DeployRequest.builder("my-app",
        DeploySource.directory(source())).buildOutput(seen::add).build());

    assertThat(seen).containsExactlyElementsOf(lines);
    assertThat(result.buildOutput()).containsExactlyElementsOf(lines);
    // The first request dropped halfway through the 4th event; the second asked for what came
    // after the 3rd, and no Range.
    assertThat(api.builds("my-app").get(0).outputResumes()).containsExactly("",
        "Last-Event-Id: 3");
  }

  @Test
  void streamsTheReleasePhaseOfAFirAppOverServerSentEvents() throws Exception {
    api.setGeneration("my-app", "fir");
    api.scriptBuild(BuildScript.succeeding().lines("Building", "Built")
        .releasePhase("Migrating", "Migrated 3"));
    List<String> releaseLines = new ArrayList<>();

    DeployResult result = deploys.deploy(DeployRequest.builder("my-app",
        DeploySource.directory(source())).releaseOutput(releaseLines::add).build());

    assertThat(releaseLines).containsExactly("Migrating", "Migrated 3");
    assertThat(result.releaseOutput()).containsExactly("Migrating", "Migrated 3");
    assertThat(result.buildOutput()).containsExactly("Building", "Built");
  }

  @Test
  void theFakeServesAFirAppsOutputAsServerSentEventsResumableWithLastEventId() throws Exception {
    api.setGeneration("my-app", "fir");
    api.scriptBuild(BuildScript.succeeding().lines("one", "two", "three"));
    deploys.deploy(request());
    String url = heroku.builds().info("my-app", api.builds("my-app").get(0).id())
        .outputStreamUrl();
    OkHttpClient client = new OkHttpClient();

    try (Response whole = client.newCall(new Request.Builder().url(url).build()).execute();
        Response resumed = client.newCall(new Request.Builder().url(url)
            .header("Last-Event-Id", "2").build()).execute()) {
      assertThat(whole.header("Content-Type")).startsWith("text/event-stream");
      assertThat(whole.body().string())
          .isEqualTo("id: 1\ndata: one\n\nid: 2\ndata: two\n\nid: 3\ndata: three\n\n");
      assertThat(resumed.body().string()).isEqualTo("id: 3\ndata: three\n\n");
    }
  }

  @Test
  void waitsForASlowBuildPastTheOldThirtySecondCap() throws Exception {
    ManualClock clock = new ManualClock();
    try (FakeHerokuApi slow = FakeHerokuApi.builder().clock(clock).start();
        Heroku client = Heroku.builder().token(slow.token()).baseUrl(slow.baseUrl()).build()) {
      slow.addApp("my-app");
      slow.scriptBuild(BuildScript.succeeding().pendingFor(Duration.ofSeconds(95)));
      Waiter waiter = clock.waiter(Duration.ofMinutes(20), Duration.ofSeconds(2));

      DeployResult result = client.workflows().withWaiter(waiter).deploys().deploy(
          DeployRequest.builder("my-app", DeploySource.directory(source())).build());

      assertThat(result.releaseVersion()).isEqualTo(1);
      long polls = slow.requests().stream()
          .filter(r -> r.method().equals("GET") && r.path().contains("/builds/")).count();
      assertThat(polls).isGreaterThan(15);
    }
  }

  @Test
  void givesUpAtTheUsersDeadline() throws Exception {
    ManualClock clock = new ManualClock();
    try (FakeHerokuApi slow = FakeHerokuApi.builder().clock(clock).start();
        Heroku client = Heroku.builder().token(slow.token()).baseUrl(slow.baseUrl()).build()) {
      slow.addApp("my-app");
      slow.scriptBuild(BuildScript.succeeding().pendingFor(Duration.ofHours(2)));
      Waiter waiter = clock.waiter(Duration.ofMinutes(5), Duration.ofSeconds(10));

      assertThatThrownBy(() -> client.workflows().withWaiter(waiter).deploys().deploy(
          DeployRequest.builder("my-app", DeploySource.directory(source())).build()))
          .isInstanceOf(WaitTimeoutException.class).hasMessageContaining("build");
      assertThat(slow.builds("my-app").get(0).status()).isEqualTo("pending");
    }
  }

  @Test
  void retriesTheWholeUploadAfterA5xxAndReportsProgressFromZeroAgain() throws Exception {
    api.failUploads(503, 1);
    Path tgz = tmp.resolve("big.tgz");
    Files.write(tgz, new byte[1_000_000]);
    List<long[]> progress = new ArrayList<>();

    deploys.deploy(DeployRequest.builder("my-app", DeploySource.tarball(tgz))
        .uploadProgress((sent, total) -> progress.add(new long[] {sent, total})).build());

    assertThat(api.upload(api.builds("my-app").get(0).sourceUrl()).size()).isEqualTo(1_000_000);
    assertThat(progress).allSatisfy(p -> assertThat(p[1]).isEqualTo(1_000_000));
    assertThat(progress.stream().filter(p -> p[0] == 0).count()).isEqualTo(2);
    assertThat(progress.get(progress.size() - 1)[0]).isEqualTo(1_000_000);
  }

  @Test
  void doesNotRetryAnUploadTheUrlRefused() throws Exception {
    api.failUploads(403, 1);

    assertThatThrownBy(() -> deploys.deploy(request()))
        .isInstanceOfSatisfying(UploadFailedException.class, e -> {
          assertThat(e.status()).isEqualTo(403);
          assertThat(e.attempts()).isEqualTo(1);
        });
    assertThat(api.builds("my-app")).isEmpty();
  }

  @Test
  void givesUpAfterTheLastUploadAttempt() throws Exception {
    api.failUploads(500, 2);

    assertThatThrownBy(() -> deploys.deploy(DeployRequest.builder("my-app",
            DeploySource.directory(source())).uploadAttempts(2).build()))
        .isInstanceOfSatisfying(UploadFailedException.class, e -> {
          assertThat(e.status()).isEqualTo(500);
          assertThat(e.attempts()).isEqualTo(2);
        });
  }

  @Test
  void uploadsWithoutAContentTypeSoAUrlSignedWithoutOneAcceptsIt() throws Exception {
    api.requireNoUploadContentType(true);

    deploys.deploy(request());
    assertThat(api.upload(api.builds("my-app").get(0).sourceUrl())).isNotNull();

    String putUrl = heroku.sources().create().sourceBlob().putUrl();
    OkHttpClient plain = new OkHttpClient.Builder().build();
    try (Response response = plain.newCall(new Request.Builder().url(putUrl)
        .put(RequestBody.create("x", MediaType.get("application/gzip"))).build()).execute()) {
      assertThat(response.code()).isEqualTo(403);
    }
  }

  @Test
  void theAsynchronousDeployCompletesWithTheResult() throws Exception {
    DeployResult result = deploys.deployAsync(request()).get(30, TimeUnit.SECONDS);

    assertThat(result.releaseVersion()).isEqualTo(1);
  }

  @Test
  void theAsynchronousDeployFailsWithTheTypedException() throws Exception {
    api.scriptBuild(BuildScript.failing("boom"));

    assertThat(deploys.deployAsync(request())).failsWithin(Duration.ofSeconds(30))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(BuildFailedException.class);
  }

  @Test
  void anUnknownAppIsNotFoundBeforeAnythingIsUploaded() throws Exception {
    assertThatThrownBy(() -> deploys.deploy(DeployRequest.builder("no-such-app",
        DeploySource.directory(source())).build()))
        .isInstanceOf(io.herokusdk.api.NotFoundException.class);
    assertThat(api.requests()).noneMatch(r -> r.path().equals("/sources"));
  }

  private DeployRequest request() throws IOException {
    return DeployRequest.builder("my-app", DeploySource.directory(source())).build();
  }

  private Path source() throws IOException {
    Path dir = tmp.resolve("src-" + System.nanoTime());
    write(dir.resolve("Procfile"), "web: java -jar app.jar\n");
    return dir;
  }

  private Map<String, TarReader.Entry> uploadedTar() throws IOException {
    return TarReader.read(api.upload(api.builds("my-app").get(0).sourceUrl()).bytes());
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
