package io.herokusdk.api.workflow;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What to deploy where, and who sees the progress. Immutable; build one with {@link
 * #builder(String, DeploySource)}.
 *
 * <pre>{@code
 * DeployRequest request = DeployRequest.builder("my-app", DeploySource.jar(Path.of("target/app.jar")))
 *     .buildOutput(System.out::println)
 *     .uploadProgress((sent, total) -> bar.set(sent * 100 / total))
 *     .build();
 * }</pre>
 */
public final class DeployRequest {
  private final String app;
  private final DeploySource source;
  private final @Nullable String version;
  private final boolean detectGitCommit;
  private final List<String> buildpacks;
  private final @Nullable String processCommand;
  private final String javaVersion;
  private final Duration uploadTimeout;
  private final int uploadAttempts;
  private final UploadProgress uploadProgress;
  private final Consumer<String> buildOutput;
  private final Consumer<String> releaseOutput;

  private DeployRequest(Builder b) {
    this.app = b.app;
    this.source = b.source;
    this.version = b.version;
    this.detectGitCommit = b.detectGitCommit;
    this.buildpacks = List.copyOf(b.buildpacks);
    this.processCommand = b.processCommand;
    this.javaVersion = b.javaVersion;
    this.uploadTimeout = b.uploadTimeout;
    this.uploadAttempts = b.uploadAttempts;
    this.uploadProgress = b.uploadProgress;
    this.buildOutput = b.buildOutput;
    this.releaseOutput = b.releaseOutput;
  }

  /** A builder deploying {@code source} to {@code app} (name or id). */
  public static Builder builder(String app, DeploySource source) {
    return new Builder(app, source);
  }

  /** The app's name or id. */
  public String app() {
    return app;
  }

  /** What is deployed. */
  public DeploySource source() {
    return source;
  }

  /** The source version given, or null to detect it. */
  public @Nullable String version() {
    return version;
  }

  /** Whether the git commit of the source's repository is used as the version. */
  public boolean detectGitCommit() {
    return detectGitCommit;
  }

  /** Buildpack names or URLs, in order; empty for the app's own. */
  public List<String> buildpacks() {
    return buildpacks;
  }

  /** The {@code web} command for a Procfile made when missing, or null for the default. */
  public @Nullable String processCommand() {
    return processCommand;
  }

  /** The {@code java.runtime.version} for a {@code system.properties} made when missing. */
  public String javaVersion() {
    return javaVersion;
  }

  /** The limit for each upload attempt. */
  public Duration uploadTimeout() {
    return uploadTimeout;
  }

  /** How many times the upload is tried in all. */
  public int uploadAttempts() {
    return uploadAttempts;
  }

  /** Sees the upload advance. */
  public UploadProgress uploadProgress() {
    return uploadProgress;
  }

  /** Sees each line of build output as it arrives. */
  public Consumer<String> buildOutput() {
    return buildOutput;
  }

  /** Sees each line of release-phase output as it arrives. */
  public Consumer<String> releaseOutput() {
    return releaseOutput;
  }

  @Override
  public String toString() {
    return "DeployRequest[" + source + " to " + app + (version == null ? "" : " at " + version)
        + "]";
  }

  /** Builds a {@link DeployRequest}. */
  public static final class Builder {
    private final String app;
    private final DeploySource source;
    private @Nullable String version;
    private boolean detectGitCommit = true;
    private List<String> buildpacks = List.of();
    private @Nullable String processCommand;
    private String javaVersion = String.valueOf(Runtime.version().feature());
    private Duration uploadTimeout = Duration.ofMinutes(15);
    private int uploadAttempts = 3;
    private UploadProgress uploadProgress = (sent, total) -> { };
    private Consumer<String> buildOutput = line -> { };
    private Consumer<String> releaseOutput = line -> { };

    private Builder(String app, DeploySource source) {
      this.app = Objects.requireNonNull(app, "app == null");
      this.source = Objects.requireNonNull(source, "source == null");
      if (app.isBlank()) throw new IllegalArgumentException("app is blank");
    }

    /**
     * The {@code source_blob.version} (shown by {@code heroku releases}, compared by pipeline
     * promotions); default: the git commit of the repository holding the source, else {@code
     * sha256:<hex>} of the tarball.
     */
    public Builder version(String version) {
      Objects.requireNonNull(version, "version == null");
      if (version.isBlank()) throw new IllegalArgumentException("version is blank");
      this.version = version;
      return this;
    }

    /** Whether to look for a git commit when no version is given (default true). */
    public Builder detectGitCommit(boolean detect) {
      this.detectGitCommit = detect;
      return this;
    }

    /**
     * Buildpack names ({@code heroku/jvm}) or URLs to run, in order. Cedar-generation apps
     * only: a Fir app declares its buildpacks in {@code project.toml}. Default: the app's own,
     * and {@code heroku/jvm} for a JAR on a Cedar app.
     */
    public Builder buildpacks(List<String> buildpacks) {
      for (String b : Objects.requireNonNull(buildpacks, "buildpacks == null")) {
        if (b == null || b.isBlank()) throw new IllegalArgumentException("blank buildpack");
      }
      this.buildpacks = List.copyOf(buildpacks);
      return this;
    }

    /**
     * The {@code web} command of the Procfile made when the source has none. A directory gets a
     * Procfile only when this is set; a JAR defaults to {@code java -Dserver.port=$PORT
     * $JAVA_OPTS -jar <jar> $JAR_OPTS}.
     */
    public Builder processCommand(String command) {
      Objects.requireNonNull(command, "command == null");
      if (command.isBlank() || command.contains("\n")) {
        throw new IllegalArgumentException("command must be one non-blank line");
      }
      this.processCommand = command;
      return this;
    }

    /**
     * The {@code java.runtime.version} of the {@code system.properties} made when the source has
     * none (default: this JVM's feature version, like {@code 17}).
     */
    public Builder javaVersion(String version) {
      Objects.requireNonNull(version, "version == null");
      if (!version.matches("[0-9A-Za-z._-]+")) {
        throw new IllegalArgumentException("not a Java version: " + version);
      }
      this.javaVersion = version;
      return this;
    }

    /** The limit for each upload attempt, connect to answer (default 15 minutes). */
    public Builder uploadTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("uploadTimeout must be positive: " + timeout);
      }
      this.uploadTimeout = timeout;
      return this;
    }

    /**
     * How many times to send the tarball in all (default 3): a retry follows a connection
     * failure, a 408, a 429 or a 5xx, and sends the whole file again.
     */
    public Builder uploadAttempts(int attempts) {
      if (attempts < 1) throw new IllegalArgumentException("uploadAttempts < 1: " + attempts);
      this.uploadAttempts = attempts;
      return this;
    }

    /** Sees the upload advance. */
    public Builder uploadProgress(UploadProgress progress) {
      this.uploadProgress = Objects.requireNonNull(progress, "progress == null");
      return this;
    }

    /** Sees each line of build output as it arrives. */
    public Builder buildOutput(Consumer<String> lines) {
      this.buildOutput = Objects.requireNonNull(lines, "lines == null");
      return this;
    }

    /** Sees each line of release-phase output as it arrives. */
    public Builder releaseOutput(Consumer<String> lines) {
      this.releaseOutput = Objects.requireNonNull(lines, "lines == null");
      return this;
    }

    /** Returns the request. */
    public DeployRequest build() {
      return new DeployRequest(this);
    }
  }
}
