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

  /**
   * A builder deploying {@code source} to {@code app} (name or id).
   *
   * @param app the app's name or id, not blank
   * @param source the directory, tarball or JAR to deploy
   * @return a new builder with every other setting at its default
   * @throws IllegalArgumentException if {@code app} is blank
   */
  public static Builder builder(String app, DeploySource source) {
    return new Builder(app, source);
  }

  /**
   * The app's name or id.
   *
   * @return the app as given to {@link #builder(String, DeploySource)}, not blank
   */
  public String app() {
    return app;
  }

  /**
   * What is deployed.
   *
   * @return the directory, tarball or JAR
   */
  public DeploySource source() {
    return source;
  }

  /**
   * The source version given, or null to detect it.
   *
   * @return the {@code source_blob.version} to send, or null for the git commit or the
   *     tarball's {@code sha256:<hex>}
   */
  public @Nullable String version() {
    return version;
  }

  /**
   * Whether the git commit of the source's repository is used as the version.
   *
   * @return true (the default) to use the commit when no version is given
   */
  public boolean detectGitCommit() {
    return detectGitCommit;
  }

  /**
   * Buildpack names or URLs, in order; empty for the app's own.
   *
   * @return an immutable list; when empty, a JAR deployed to a Cedar app still gets {@code
   *     heroku/jvm}
   */
  public List<String> buildpacks() {
    return buildpacks;
  }

  /**
   * The {@code web} command for a Procfile made when missing, or null for the default.
   *
   * @return the command, one line; null makes a JAR's Procfile run the JAR and gives a directory
   *     no Procfile
   */
  public @Nullable String processCommand() {
    return processCommand;
  }

  /**
   * The {@code java.runtime.version} for a {@code system.properties} made when missing.
   *
   * @return the version, like {@code 17}; by default this JVM's feature version
   */
  public String javaVersion() {
    return javaVersion;
  }

  /**
   * The limit for each upload attempt.
   *
   * @return the limit from connecting to the answer, positive; 15 minutes by default
   */
  public Duration uploadTimeout() {
    return uploadTimeout;
  }

  /**
   * How many times the upload is tried in all.
   *
   * @return the attempts, 1 or more; 3 by default
   */
  public int uploadAttempts() {
    return uploadAttempts;
  }

  /**
   * Sees the upload advance.
   *
   * @return the listener; by default one that ignores progress
   */
  public UploadProgress uploadProgress() {
    return uploadProgress;
  }

  /**
   * Sees each line of build output as it arrives.
   *
   * @return the consumer; by default one that drops the lines
   */
  public Consumer<String> buildOutput() {
    return buildOutput;
  }

  /**
   * Sees each line of release-phase output as it arrives.
   *
   * @return the consumer; by default one that drops the lines
   */
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
     *
     * @param version the version, such as a commit SHA or a tag; not blank
     * @return this builder
     * @throws IllegalArgumentException if {@code version} is blank
     */
    public Builder version(String version) {
      Objects.requireNonNull(version, "version == null");
      if (version.isBlank()) throw new IllegalArgumentException("version is blank");
      this.version = version;
      return this;
    }

    /**
     * Whether to look for a git commit when no version is given (default true).
     *
     * @param detect true to use the {@code HEAD} commit of the git repository holding the source;
     *     false to use the tarball's {@code sha256:<hex>}
     * @return this builder
     */
    public Builder detectGitCommit(boolean detect) {
      this.detectGitCommit = detect;
      return this;
    }

    /**
     * Buildpack names ({@code heroku/jvm}) or URLs to run, in order. Cedar-generation apps
     * only: a Fir app declares its buildpacks in {@code project.toml}. Default: the app's own,
     * and {@code heroku/jvm} for a JAR on a Cedar app.
     *
     * @param buildpacks names or URLs (a value with {@code ://} is a URL), none blank; copied
     * @return this builder
     * @throws IllegalArgumentException if a buildpack is null or blank
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
     *
     * @param command the command line, such as {@code bin/start --port $PORT}; one non-blank line
     * @return this builder
     * @throws IllegalArgumentException if {@code command} is blank or has a line break
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
     *
     * @param version the version, like {@code 21} or {@code 17.0.12}: letters, digits, {@code .},
     *     {@code _} and {@code -} only
     * @return this builder
     * @throws IllegalArgumentException if {@code version} has other characters or is empty
     */
    public Builder javaVersion(String version) {
      Objects.requireNonNull(version, "version == null");
      if (!version.matches("[0-9A-Za-z._-]+")) {
        throw new IllegalArgumentException("not a Java version: " + version);
      }
      this.javaVersion = version;
      return this;
    }

    /**
     * The limit for each upload attempt, connect to answer (default 15 minutes).
     *
     * @param timeout how long one attempt may take, positive; raise it for large sources or slow
     *     links
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
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
     *
     * @param attempts 1 or more; 1 never retries
     * @return this builder
     * @throws IllegalArgumentException if {@code attempts} is less than 1
     */
    public Builder uploadAttempts(int attempts) {
      if (attempts < 1) throw new IllegalArgumentException("uploadAttempts < 1: " + attempts);
      this.uploadAttempts = attempts;
      return this;
    }

    /**
     * Sees the upload advance.
     *
     * @param progress called on the uploading thread as bytes are sent; by default none
     * @return this builder
     */
    public Builder uploadProgress(UploadProgress progress) {
      this.uploadProgress = Objects.requireNonNull(progress, "progress == null");
      return this;
    }

    /**
     * Sees each line of build output as it arrives.
     *
     * @param lines gets each line without its line break, on the deploying thread; by default
     *     none (the lines are in {@link DeployResult#buildOutput()} either way)
     * @return this builder
     */
    public Builder buildOutput(Consumer<String> lines) {
      this.buildOutput = Objects.requireNonNull(lines, "lines == null");
      return this;
    }

    /**
     * Sees each line of release-phase output as it arrives.
     *
     * @param lines gets each line without its line break, on the deploying thread; by default
     *     none (the lines are in {@link DeployResult#releaseOutput()} either way)
     * @return this builder
     */
    public Builder releaseOutput(Consumer<String> lines) {
      this.releaseOutput = Objects.requireNonNull(lines, "lines == null");
      return this;
    }

    /**
     * Returns the request.
     *
     * @return a new immutable request with this builder's settings
     */
    public DeployRequest build() {
      return new DeployRequest(this);
    }
  }
}
