package io.herokusdk.api.workflow;

import io.herokusdk.api.internal.BlobUpload;
import io.herokusdk.api.internal.GitHead;
import io.herokusdk.api.internal.Sleeper;
import io.herokusdk.api.internal.SourcePacker;
import io.herokusdk.api.internal.WorkflowContext;
import io.herokusdk.api.model.App;
import io.herokusdk.api.model.Build;
import io.herokusdk.api.model.BuildBuildpacksItem;
import io.herokusdk.api.model.BuildCreateRequest;
import io.herokusdk.api.model.BuildSourceBlob;
import io.herokusdk.api.model.BuildStatus;
import io.herokusdk.api.model.Release;
import io.herokusdk.api.model.Source;
import io.herokusdk.core.Backoff;
import io.herokusdk.core.Waiter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Deploys from source, as {@code git push heroku} does without git: packs the source, uploads
 * it to a signed URL, starts a build, streams its output, waits until it ends (at the {@link
 * Waiter}'s deadline, however long the build takes), then waits for the release and streams its
 * release phase. Get it from {@link Workflows#deploys()}. Thread-safe.
 *
 * <pre>{@code
 * DeployResult result = heroku.workflows().deploys().deploy(
 *     DeployRequest.builder("my-app", DeploySource.directory(Path.of(".")))
 *         .buildOutput(System.out::println)
 *         .build());
 * System.out.println("v" + result.releaseVersion() + " is live");
 * }</pre>
 *
 * <p>The output streams never receive the API token: they, and the upload, go through a client
 * without the API's headers. A stream that drops is resumed with {@code Range}; one that fails
 * for good is logged and the build's status still decides the outcome.
 */
public final class Deploys {
  private static final Backoff UPLOAD_BACKOFF =
      new Backoff(Duration.ofMillis(500), Duration.ofSeconds(8), 2.0, 0.2);

  private final WorkflowContext context;
  private final Waiter waiter;
  private final Releases releases;
  private final BlobUpload upload;

  Deploys(WorkflowContext context, Waiter waiter) {
    this.context = context;
    this.waiter = waiter;
    this.releases = new Releases(context, waiter);
    this.upload = new BlobUpload(context.streamClient(), UPLOAD_BACKOFF, Sleeper.SYSTEM);
  }

  /**
   * Deploys and returns once the new release is live.
   *
   * @param request the app, the source and who sees the progress
   * @return the build and release made, with timings and their output
   * @throws IllegalArgumentException if {@code request} sets buildpacks for a Fir-generation app
   * @throws UploadFailedException if the tarball could not be uploaded
   * @throws BuildFailedException if the build failed (with its last lines of output)
   * @throws ReleaseFailedException if the release phase failed (the previous release stays live)
   * @throws io.herokusdk.core.WaitTimeoutException if the build or release was still pending at
   *     the waiter's deadline
   * @throws io.herokusdk.api.NotFoundException if the app does not exist (or the token cannot
   *     see it)
   * @throws UncheckedIOException if the source could not be read or packed
   */
  public DeployResult deploy(DeployRequest request) {
    Objects.requireNonNull(request, "request == null");
    App app = context.heroku().apps().info(request.app());
    boolean fir = app.generation() != null && "fir".equalsIgnoreCase(app.generation().name());
    List<String> buildpacks = request.buildpacks();
    if (fir && !buildpacks.isEmpty()) {
      throw new IllegalArgumentException("app " + app.name() + " is a Fir-generation app:"
          + " buildpacks are set in the source's project.toml, not per build");
    }
    if (!fir && buildpacks.isEmpty() && request.source().kind() == DeploySource.Kind.JAR) {
      buildpacks = List.of("heroku/jvm");
    }
    SourcePacker.Packed packed = pack(request);
    try {
      String version = request.version();
      if (version == null && request.detectGitCommit()) {
        version = GitHead.commit(request.source().path()).orElse(null);
      }
      if (version == null) version = "sha256:" + packed.sha256();

      long start = System.nanoTime();
      Source source = context.heroku().sources().create();
      try {
        upload.put(source.sourceBlob().putUrl(), packed.file(), packed.size(),
            request.uploadTimeout(), request.uploadAttempts(),
            (sent, total) -> request.uploadProgress().onProgress(sent, total));
      } catch (BlobUpload.Failed e) {
        throw new UploadFailedException(app.name(), e.getMessage(), e.status, e.attempts, e);
      }
      Duration uploadTook = since(start);

      long buildStart = System.nanoTime();
      Build build = context.heroku().builds().create(app.id(), BuildCreateRequest.builder()
          .sourceBlob(BuildSourceBlob.builder().url(source.sourceBlob().getUrl())
              .version(version).checksum("SHA256:" + packed.sha256()).build())
          .buildpacks(buildpacks.isEmpty() ? null : buildpacks.stream().map(Deploys::buildpack)
              .toList())
          .build());
      List<String> buildLines = new ArrayList<>();
      if (build.outputStreamUrl() != null) {
        releases.stream(app.name(), "build " + build.id(), build.outputStreamUrl(), line -> {
          buildLines.add(line);
          request.buildOutput().accept(line);
        });
      }
      String buildId = build.id();
      Build done = waiter.until("build " + buildId + " of " + app.name() + " to finish",
          () -> context.heroku().builds().info(app.id(), buildId),
          b -> b.status() != BuildStatus.PENDING
              && (b.status() != BuildStatus.SUCCEEDED || b.release() != null));
      if (done.status() != BuildStatus.SUCCEEDED) {
        throw new BuildFailedException(app.name(), buildId, buildLines);
      }
      Duration buildTook = since(buildStart);

      long releaseStart = System.nanoTime();
      List<String> releaseLines = new ArrayList<>();
      String releaseId = Objects.requireNonNull(done.release(), "waited for it").id();
      Release release = releases.await(app.name(), releaseId, request.releaseOutput(),
          releaseLines);
      return new DeployResult(app.name(), buildId, release.id(), release.version(), version,
          uploadTook, buildTook, since(releaseStart), buildLines, releaseLines);
    } finally {
      packed.deleteIfTemporary();
    }
  }

  /**
   * {@link #deploy(DeployRequest)} on a thread of its own. Cancelling the future interrupts
   * that thread, which stops the deploy at its next wait (the build on Heroku goes on).
   *
   * @param request the app, the source and who sees the progress
   * @return a future completed with the result, or exceptionally with what {@link
   *     #deploy(DeployRequest)} throws
   */
  public CompletableFuture<DeployResult> deployAsync(DeployRequest request) {
    Objects.requireNonNull(request, "request == null");
    CompletableFuture<DeployResult> result = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        result.complete(deploy(request));
      } catch (RuntimeException | Error e) {
        result.completeExceptionally(e);
      }
    }, "heroku-deploy-" + request.app());
    thread.setDaemon(true);
    result.whenComplete((value, error) -> {
      if (result.isCancelled()) thread.interrupt();
    });
    thread.start();
    return result;
  }

  private static SourcePacker.Packed pack(DeployRequest request) {
    DeploySource source = request.source();
    try {
      return switch (source.kind()) {
        case TARBALL -> SourcePacker.existing(source.path());
        case DIRECTORY -> SourcePacker.directory(source.path(), extras(request, null));
        case JAR -> SourcePacker.jar(source.path(),
            extras(request, source.path().getFileName().toString()));
      };
    } catch (IOException e) {
      throw new UncheckedIOException("cannot pack " + source + ": " + e.getMessage(), e);
    }
  }

  /** The Procfile and system.properties to add where the source has none. */
  private static Map<String, String> extras(DeployRequest request, @Nullable String jarName) {
    Map<String, String> extras = new LinkedHashMap<>();
    String command = request.processCommand();
    if (command == null && jarName != null) {
      command = "java -Dserver.port=$PORT $JAVA_OPTS -jar " + jarName + " $JAR_OPTS";
    }
    if (command != null) extras.put("Procfile", "web: " + command + "\n");
    extras.put("system.properties", "java.runtime.version=" + request.javaVersion() + "\n");
    return extras;
  }

  private static BuildBuildpacksItem buildpack(String nameOrUrl) {
    return nameOrUrl.contains("://")
        ? BuildBuildpacksItem.builder().url(nameOrUrl).build()
        : BuildBuildpacksItem.builder().name(nameOrUrl).build();
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  @Override
  public String toString() {
    return "Deploys{" + waiter + "}";
  }
}
